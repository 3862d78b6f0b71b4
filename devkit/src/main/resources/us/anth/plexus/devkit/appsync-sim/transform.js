// Runs Amplify's GraphQL transformer on schema.graphql and prints what the simulator needs.
const { App, Stack, NestedStack } = require('aws-cdk-lib');
const { constructTransform } = require('@aws-amplify/graphql-transformer');
const fs = require('fs');
const core = require('@aws-amplify/graphql-transformer-core');

function transform(schemaText) {
  const app = new App();
  const root = new Stack(app, 'root');
  const assets = new Map();
  const transformer = constructTransform({
    transformersFactoryArgs: {},
    authConfig: {
      defaultAuthentication: { authenticationType: 'API_KEY', apiKeyConfig: { apiKeyExpirationDays: 7 } },
      additionalAuthenticationProviders: [{ authenticationType: 'AWS_IAM' }],
    },
    transformParameters: core.defaultTransformParameters || {}
  });
  transformer.transform({
    schema: schemaText,
    scope: root,
    nestedStackProvider: { provide: (scope, name) => new NestedStack(scope, name) },
    assetProvider: {
      provide: (scope, id, props) => {
        assets.set(props.fileName, props.fileContent);
        const url = 's3://assets/' + props.fileName;
        return { assetHash: id, httpUrl: url, s3BucketName: 'assets', s3ObjectKey: props.fileName, s3ObjectUrl: url };
      },
    },
    synthParameters: { amplifyEnvironmentName: 'NONE', apiName: 'plexus', authenticatedUserRoleName: 'authRole', unauthenticatedUserRoleName: 'unauthRole' },
    dataSourceStrategies: { Task: core.DDB_DEFAULT_DATASOURCE_STRATEGY, TaskStage: core.DDB_DEFAULT_DATASOURCE_STRATEGY },
    rdsLayerMapping: {},
    rdsSnsTopicMapping: {},
  });
  return { root, assets };
}
module.exports = { transform };
if (require.main === module) {
  const { root, assets } = transform(fs.readFileSync('schema.graphql', 'utf8'));
  console.log([...assets.keys()].join('\n'));
}
