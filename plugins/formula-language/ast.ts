/** The syntax tree of a formula. Every node keeps the offsets of the text it came from. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR';

interface NodeBase {
  start: number;
  end: number;
}

export type Expr =
  | (NodeBase & { kind: 'number'; text: string })
  | (NodeBase & { kind: 'string'; value: string })
  | (NodeBase & { kind: 'bool'; value: boolean })
  | (NodeBase & { kind: 'null' })
  | (NodeBase & { kind: 'field'; name: string })
  | (NodeBase & { kind: 'unary'; op: '-' | 'NOT'; operand: Expr })
  | (NodeBase & { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr; opStart: number; opEnd: number })
  | (NodeBase & { kind: 'in'; negated: boolean; value: Expr; items: Expr[] })
  | (NodeBase & { kind: 'if'; branches: { condition: Expr; value: Expr }[]; otherwise: Expr | null })
  | (NodeBase & { kind: 'call'; name: string; nameEnd: number; args: Expr[] });
