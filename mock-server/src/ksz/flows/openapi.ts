import type { FlowDef } from './define.ts';

const statusSchema = {
  type: 'object',
  required: ['value', 'code', 'description'],
  properties: {
    value: { enum: ['DATA_FOUND', 'NO_DATA_FOUND', 'NO_RESULT'] },
    code: { type: 'string', examples: ['MSG00000', 'MSG00012', 'UD000033'] },
    description: { type: 'string' },
    information: {
      type: 'array',
      items: { type: 'object', properties: { fieldName: { type: 'string' }, fieldValue: { type: 'string' } } },
    },
  },
};

/** The OpenAPI 3.1 description of the JSON face, generated from the flow definitions. */
export function openApi(flows: FlowDef[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const f of flows) {
    for (const op of f.operations) {
      const schema = { ...op.jsonSchema } as { properties?: Record<string, unknown>; required?: string[] };
      if (f.legalContexts.length > 0) {
        schema.properties = { legalContext: { enum: f.legalContexts }, ...(schema.properties ?? {}) };
        schema.required = ['legalContext', ...(schema.required ?? [])];
      }
      paths[`/ksz/json/${f.id}/${op.name}`] = {
        post: {
          operationId: `${f.id}.${op.name}`,
          summary: `${f.names.en}: ${op.name}`,
          description: `${op.description}\n\nFidelity: ${f.fidelity}. ${f.basis}`,
          tags: [f.id],
          security: [{ basic: [] }],
          requestBody: { required: true, content: { 'application/json': { schema } } },
          responses: {
            '200': {
              description: 'A KSZ status (refusals such as MSG00012 included) and the data when found',
              content: {
                'application/json': {
                  schema: { type: 'object', required: ['status'], properties: { status: statusSchema } },
                },
              },
            },
            '400': { description: 'Not a JSON object, or legalContext missing' },
            '401': { description: 'No HTTP Basic credentials' },
            '415': { description: 'Not application/json' },
            '500': { description: 'MSG00003: internal error (also an injected fault)' },
          },
        },
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'KSZ sandbox — JSON face (synthetic data)',
      version: '1',
      description:
        'Every KSZ flow of the mock as JSON. All data is synthetic. Each response carries X-Synthetic-Data: true.',
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { basic: { type: 'http', scheme: 'basic' } } },
    paths,
  };
}
