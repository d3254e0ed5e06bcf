// The regional exchange that links the country deployments: one Service Bus namespace with the
// `referrals` topic (one subscription per office, filtered on the `toOfficeId` property), the
// `protocol-settings` topic (one subscription per office, unfiltered: every office's settings reach
// every deployment) and the `protocol-events` topic (the regional review's subscription). No country
// reads another's data: each country's identity may send to the three topics and receive from its
// own offices' subscriptions only. Names and the message contract: docs/exchange.md; steps: docs/deploy.md.
targetScope = 'resourceGroup'

@description('A country deployment joined to the exchange: its name, the principal id of its identity (output identityPrincipalId of main.bicep) and the offices it serves.')
type country = {
  @description('Short name, e.g. gt-prod.')
  name: string
  @description('Principal (object) id of the country deployment\'s managed identity.')
  principalId: string
  @description('Office ids the country deployment serves; each gets its subscription on the referrals topic.')
  offices: string[]
}

@description('Short name of the exchange, e.g. aidef-hub. Part of every resource name.')
@minLength(2)
@maxLength(20)
param environmentName string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('The country deployments joined to the exchange.')
param countries country[]

@description('Principal id of the regional review\'s identity (receives protocol events), or empty while the review is not deployed.')
param reviewPrincipalId string = ''

@description('When true: Premium namespace (private endpoints are a Premium feature) with public network access off; country deployments reach it through their own private endpoints.')
param networkIsolation bool = false

@description('Days Log Analytics keeps logs.')
param logRetentionDays int = 30

// The topic and subscription names, the filter property and the delivery limit are the code's
// (Topics, ServiceBusContract, ServiceBusDrain): the deployment tests compare them.
var referralsTopic = 'referrals'
var protocolEventsTopic = 'protocol-events'
var protocolSettingsTopic = 'protocol-settings'
var reviewSubscription = 'regional-review'
var toOfficeProperty = 'toOfficeId'
var maxDeliveryCount = 10
var offices = flatten(map(countries, c => c.offices))
var officeReceivers = flatten(map(countries, c => map(c.offices, office => { principalId: c.principalId, office: office })))
var topicNames = [referralsTopic, protocolEventsTopic, protocolSettingsTopic]
// Every country sends to every topic (steps to other offices, protocol events to the review, its offices' settings to all).
var topicSenders = flatten(map(countries, c => map(range(0, length(topicNames)), topic => { principalId: c.principalId, topic: topic })))
var roles = {
  sender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  receiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
}
var tags = { 'azd-env-name': environmentName, application: 'legalaidreferral' }
var subscriptionDefaults = {
  lockDuration: 'PT1M'
  maxDeliveryCount: maxDeliveryCount
  defaultMessageTimeToLive: 'P14D'
  deadLetteringOnMessageExpiration: true
  deadLetteringOnFilterEvaluationExceptions: true
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { namePrefix: environmentName, location: location, tags: tags, retentionDays: logRetentionDays }
}

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: 'sb-${environmentName}-${uniqueString(subscription().id, resourceGroup().id, environmentName)}'
  location: location
  tags: tags
  sku: networkIsolation ? { name: 'Premium', tier: 'Premium', capacity: 1 } : { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: networkIsolation ? 'Disabled' : 'Enabled'
  }
}

resource topics 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = [
  for topic in topicNames: {
    parent: namespace
    name: topic
    properties: {
      // MessageId is the message's own id: a relay that publishes again after a restart is dropped here.
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'P1D'
      defaultMessageTimeToLive: 'P14D'
      supportOrdering: false
    }
  }
]

resource officeSubscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for office in offices: {
    parent: topics[indexOf(topicNames, referralsTopic)]
    name: office
    properties: subscriptionDefaults
  }
]

// Replaces the catch-all rule every new subscription gets: an office receives only its own messages.
resource officeFilters 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2024-01-01' = [
  for (office, i) in offices: {
    parent: officeSubscriptions[i]
    name: '$Default'
    properties: {
      filterType: 'CorrelationFilter'
      correlationFilter: { properties: { '${toOfficeProperty}': office } }
    }
  }
]

// No rule replaced: the default rule lets every office's settings through (the receiver ignores its own).
resource officeSettingsSubscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for office in offices: {
    parent: topics[indexOf(topicNames, protocolSettingsTopic)]
    name: office
    properties: subscriptionDefaults
  }
]

resource review 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = {
  parent: topics[indexOf(topicNames, protocolEventsTopic)]
  name: reviewSubscription
  properties: subscriptionDefaults
}

resource senders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for sender in topicSenders: {
    name: guid(topics[sender.topic].id, sender.principalId, roles.sender)
    scope: topics[sender.topic]
    properties: {
      principalId: sender.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.sender)
    }
  }
]

resource receivers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for receiver in officeReceivers: {
    name: guid(officeSubscriptions[indexOf(offices, receiver.office)].id, receiver.principalId, roles.receiver)
    scope: officeSubscriptions[indexOf(offices, receiver.office)]
    properties: {
      principalId: receiver.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.receiver)
    }
  }
]

resource settingsReceivers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for receiver in officeReceivers: {
    name: guid(officeSettingsSubscriptions[indexOf(offices, receiver.office)].id, receiver.principalId, roles.receiver)
    scope: officeSettingsSubscriptions[indexOf(offices, receiver.office)]
    properties: {
      principalId: receiver.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.receiver)
    }
  }
]

resource reviewReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(reviewPrincipalId)) {
  name: guid(review.id, reviewPrincipalId, roles.receiver)
  scope: review
  properties: {
    principalId: reviewPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.receiver)
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: namespace
  properties: {
    workspaceId: monitoring.outputs.workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Give this to every country deployment (parameter serviceBusNamespaceId).')
output serviceBusNamespaceId string = namespace.id
output serviceBusNamespaceName string = namespace.name
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
output officeSubscriptions string[] = offices
