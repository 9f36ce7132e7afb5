export { createTestEngine, runTestWorkflow, type TestEngine, type TestEngineOptions, type TestRunOptions, type TestRunResult } from './runTestWorkflow.js';
export { testWorkflow, type TestConnectionSpec, type TestToolSpec } from './testWorkflow.js';
export { postgresBinDir, startPostgres, type TestPostgres } from './postgresServer.js';
