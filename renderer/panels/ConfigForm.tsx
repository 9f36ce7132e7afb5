import Form, { type IChangeEvent } from '@rjsf/core';
import { toErrorSchema, type RegistryWidgetsType, type RJSFSchema } from '@rjsf/utils';
import { useCallback, useMemo } from 'react';
import { mergeDefaultConfig } from '../../shared/configDefaults.js';
import type { ToolDescriptor } from '../../shared/manifest.js';
import type { ToolNode } from '../../shared/workflow.js';
import { isConfigEdit } from '../model/configEdit.js';
import { configProblems, cspSafeValidator } from '../model/formValidator.js';
import { hideInapplicable, uiSchemaFor } from '../model/uiSchemaFor.js';
import { workflowStore } from '../store/workflowStore.js';
import type { ConfigFormContext } from './widgets/configFormContext.js';
import { ConnectionWidget } from './widgets/ConnectionWidget.js';
import { FieldListWidget } from './widgets/FieldListWidget.js';
import { FieldWidget } from './widgets/FieldWidget.js';
import { FileWidget } from './widgets/FileWidget.js';
import { FormulaWidget } from './widgets/FormulaWidget.js';

type ConfigData = Record<string, unknown>;

const widgets: RegistryWidgetsType<ConfigData, RJSFSchema, ConfigFormContext> = {
  field: FieldWidget, fields: FieldListWidget, formula: FormulaWidget, file: FileWidget, connection: ConnectionWidget,
};

/** The tool's config as a form generated from its JSON Schema; every change applies at once, problems show in plain words on their setting. */
export function ConfigForm({ tool, descriptor, context }: { tool: ToolNode; descriptor: ToolDescriptor; context: ConfigFormContext }) {
  const schema = descriptor.configSchema as RJSFSchema;
  const uiSchema = useMemo(() => uiSchemaFor(descriptor.configSchema), [descriptor.configSchema]);
  const formData = useMemo(() => mergeDefaultConfig(descriptor.defaultConfig, tool.config), [descriptor.defaultConfig, tool.config]);
  const shownUiSchema = useMemo(() => hideInapplicable(uiSchema, descriptor.configSchema, formData), [uiSchema, descriptor.configSchema, formData]);
  // shown from the start, not only after an edit: a new tool says at once what it still needs
  const problems = useMemo(() => toErrorSchema<ConfigData>(configProblems(schema, formData)), [schema, formData]);
  const toolId = tool.id;
  const onChange = useCallback((event: IChangeEvent<ConfigData, RJSFSchema, ConfigFormContext>) => {
    const next = event.formData ?? {};
    // the form fills schema defaults in when it opens: not an edit (the workflow stays saved)
    if (!isConfigEdit(cspSafeValidator, schema, formData, next)) return;
    workflowStore.getState().setToolConfig(toolId, next);
  }, [toolId, schema, formData]);
  const hasFields = typeof schema.properties === 'object' && schema.properties !== null && Object.keys(schema.properties).length > 0;
  if (!hasFields) return <p className="muted pad">This tool has no settings.</p>;
  return (
    <Form<ConfigData, RJSFSchema, ConfigFormContext>
      className="config-form" schema={schema} uiSchema={shownUiSchema} formData={formData} validator={cspSafeValidator}
      widgets={widgets} formContext={context} onChange={onChange} extraErrors={problems} showErrorList={false}
      noHtml5Validate idPrefix={`config-${toolId}`} onSubmit={() => undefined}
    />
  );
}
