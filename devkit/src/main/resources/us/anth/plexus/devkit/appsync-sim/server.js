// The Amplify AppSync simulator serving the Task/TaskStage API that Amplify's transformer generates
// from schema.graphql, over DynamoDB Local. Test and development tool only.
// Usage: node server.js --port <p> --dynamodb <endpoint> --api-key <key> --api-id <id>
// Prints one line "READY <graphql url>" when it answers; "TABLES <task> <stage>" before that.
const fs = require('fs');
const path = require('path');
const { Stack } = require('aws-cdk-lib');
const appsync = require('aws-cdk-lib/aws-appsync');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const { DynamoDBClient, CreateTableCommand, ResourceInUseException } = require('@aws-sdk/client-dynamodb');
const { AmplifyAppSyncSimulator } = require('@aws-amplify/amplify-appsync-simulator');
const { transform } = require('./transform');

// The simulator's $util.transform.toDynamoDBConditionExpression drops the expression values, so every
// `condition` argument with a value fails ("An expression attribute value used in expression is not
// defined"; aws-amplify/amplify-category-api#1450, open). AppSync returns the values it references.
const { transformUtils } = require('@aws-amplify/amplify-appsync-simulator/lib/velocity/util/transform');
const { generateFilterExpression } = require('@aws-amplify/amplify-appsync-simulator/lib/velocity/util/transform/dynamodb-filter');
transformUtils.toDynamoDBConditionExpression = (condition) => {
  const result = generateFilterExpression(condition.toJSON());
  const expression = result.expressions.join(' ').trim();
  const values = Object.fromEntries(
    Object.entries(result.expressionValues).filter(([name]) => new RegExp(name + '(?![A-Za-z0-9_])').test(expression)),
  );
  return JSON.stringify({ expression, expressionNames: result.expressionNames, expressionValues: values });
};

function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const required of ['port', 'dynamodb', 'api-key', 'api-id']) {
    if (!out[required]) throw new Error('missing --' + required);
  }
  return out;
}

/** Replaces CloudFormation intrinsics in a resolved template value with local values. */
function literal(value, locals) {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => literal(v, locals)).join('');
  if (value['Fn::Join']) return value['Fn::Join'][1].map((v) => literal(v, locals)).join(value['Fn::Join'][0]);
  if (value['Ref']) return locals.ref(value['Ref']);
  if (value['Fn::GetAtt']) return locals.getAtt(value['Fn::GetAtt'][0], value['Fn::GetAtt'][1]);
  throw new Error('unsupported template value ' + JSON.stringify(value));
}

function props(construct) {
  const cfn = Stack.of(construct).resolve(construct._toCloudFormation());
  const [logicalId, resource] = Object.entries(cfn.Resources)[0];
  return { logicalId, ...resource.Properties };
}

function simulatorConfig(root, assets, options) {
  const all = root.node.findAll();
  const dataSources = new Map();
  const tables = new Map();
  const functions = new Map();
  const templates = new Map();
  let inline = 0;
  for (const c of all) {
    if (c instanceof appsync.CfnDataSource) {
      const p = props(c);
      dataSources.set(p.logicalId, p);
    }
    if (c instanceof dynamodb.CfnTable) {
      const p = props(c);
      tables.set(p.logicalId, p);
    }
  }
  const locals = {
    ref: (name) => {
      if (tables.has(name)) return tableName(tables.get(name), options);
      return { 'AWS::Region': 'us-east-1', env: 'NONE', 'AWS::AccountId': '123456789012' }[name] || 'NONE';
    },
    getAtt: (id, attribute) => {
      if (dataSources.has(id) && attribute === 'Name') return dataSources.get(id).Name;
      if (attribute === 'ApiId') return options['api-id'];
      return id + '.' + attribute;
    },
  };
  const template = (s3Location, text) => {
    let location;
    if (s3Location) {
      location = s3Location.replace('s3://assets/', '');
      templates.set(location, assets.get(location));
    } else if (text !== undefined) {
      location = 'inline/' + inline++ + '.vtl';
      templates.set(location, literal(text, locals));
    }
    return location;
  };
  for (const c of all) {
    if (c instanceof appsync.CfnFunctionConfiguration) {
      const p = props(c);
      functions.set(p.logicalId, {
        name: p.Name,
        dataSourceName: literal(p.DataSourceName, locals),
        requestMappingTemplateLocation: template(p.RequestMappingTemplateS3Location, p.RequestMappingTemplate),
        responseMappingTemplateLocation: template(p.ResponseMappingTemplateS3Location, p.ResponseMappingTemplate),
      });
    }
  }
  const resolvers = [];
  for (const c of all) {
    if (c instanceof appsync.CfnResolver) {
      const p = props(c);
      resolvers.push({
        kind: p.Kind,
        typeName: p.TypeName,
        fieldName: p.FieldName,
        dataSourceName: p.DataSourceName && literal(p.DataSourceName, locals),
        functions: (p.PipelineConfig ? p.PipelineConfig.Functions : []).map((f) => functions.get(f['Fn::GetAtt'][0]).name),
        requestMappingTemplateLocation: template(p.RequestMappingTemplateS3Location, p.RequestMappingTemplate),
        responseMappingTemplateLocation: template(p.ResponseMappingTemplateS3Location, p.ResponseMappingTemplate),
      });
    }
  }
  all.filter((c) => c instanceof appsync.CfnGraphQLSchema).forEach(props); // emits schema.graphql
  const schemaText = assets.get('schema.graphql');
  return {
    tables: [...tables.values()],
    config: {
      schema: { content: schemaText },
      resolvers,
      functions: [...functions.values()],
      mappingTemplates: [...templates.entries()].map(([p, content]) => ({ path: p, content })),
      dataSources: [...dataSources.values()].map((d) =>
        d.Type === 'AMAZON_DYNAMODB'
          ? {
              type: d.Type,
              name: d.Name,
              config: {
                endpoint: options.dynamodb,
                region: 'us-east-1',
                accessKeyId: 'local',
                secretAccessKey: 'local',
                credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
                tableName: locals.ref(d.DynamoDBConfig.TableName.Ref),
              },
            }
          : { type: d.Type, name: d.Name },
      ),
      appSync: {
        name: 'plexus',
        defaultAuthenticationType: { authenticationType: 'API_KEY' },
        apiKey: options['api-key'],
        additionalAuthenticationProviders: [{ authenticationType: 'AWS_IAM' }],
      },
    },
  };
}

/** Amplify Gen2's table name: <Model>-<apiId>-<env>. */
function tableName(table, options) {
  return table.logicalId.replace(/Table[0-9A-F]*$/, '') + '-' + options['api-id'] + '-NONE';
}

async function createTables(tables, options) {
  const client = new DynamoDBClient({
    endpoint: options.dynamodb,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const names = [];
  for (const t of tables) {
    const name = tableName(t, options);
    names.push(name);
    try {
      await client.send(
        new CreateTableCommand({
          TableName: name,
          KeySchema: t.KeySchema,
          AttributeDefinitions: t.AttributeDefinitions,
          GlobalSecondaryIndexes: t.GlobalSecondaryIndexes,
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
        }),
      );
    } catch (e) {
      if (!(e instanceof ResourceInUseException)) throw e;
    }
  }
  return names;
}

async function main() {
  const options = args();
  const schema = fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8');
  const { root, assets } = transform(schema);
  const { tables, config } = simulatorConfig(root, assets, options);
  const names = await createTables(tables, options);
  const simulator = new AmplifyAppSyncSimulator({ port: Number(options.port), wsPort: Number(options.port) });
  await simulator.start();
  simulator.init(config);
  console.log('TABLES ' + names.join(' '));
  console.log('READY http://127.0.0.1:' + options.port + '/graphql');
  const stop = () => simulator.stop().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((e) => {
  console.error('appsync-sim: ' + (e && e.stack ? e.stack : e));
  process.exit(1);
});
