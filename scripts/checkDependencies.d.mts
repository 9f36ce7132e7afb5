export function isRuntimeFile(relative: string): boolean;
export function packageOf(specifier: string): string | undefined;
export function importedPackages(text: string, valuesOnly: boolean): Set<string>;
export function checkDependencies(): string[];
