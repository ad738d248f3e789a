// Cloud Carbon Footprint's own figures for one hour of a cloud instance type, as listed in
// docs/validation.md ("Peer parity"). Written for GreenLedger; it runs CCF's published code and
// copies none of it. Run in an empty folder:
//
//   npm install @cloud-carbon-footprint/aws@0.15.0 @cloud-carbon-footprint/azure@1.8.0 typescript@5
//   node ccf-instance-hours.js
//
// AWS and Azure only: CCF's Google Cloud package is not published on the npm registry (see
// docs/validation.md for how its figures were obtained).
// Prints one JSON line per instance type: compute kWh (CPU and GPU, with CCF's PUE), memory kWh,
// embodied kgCO2e (CCF reports metric tons; x 1000 here).
const core = require('@cloud-carbon-footprint/core');
const CostAndUsageReports = require('@cloud-carbon-footprint/aws/dist/lib/CostAndUsageReports').default;
const CostAndUsageReportsRow = require('@cloud-carbon-footprint/aws/dist/lib/CostAndUsageReportsRow').default;
const AWSComputeEstimatesBuilder = require('@cloud-carbon-footprint/aws/dist/lib/AWSComputeEstimatesBuilder').default;
const AWSMemoryEstimatesBuilder = require('@cloud-carbon-footprint/aws/dist/lib/AWSMemoryEstimatesBuilder').default;
const { AWS_CLOUD_CONSTANTS } = require('@cloud-carbon-footprint/aws/dist/domain');
const ConsumptionManagementService = require('@cloud-carbon-footprint/azure/dist/lib/ConsumptionManagement').default;
const ConsumptionDetailRow = require('@cloud-carbon-footprint/azure/dist/lib/ConsumptionDetailRow').default;
const { AZURE_CLOUD_CONSTANTS } = require('@cloud-carbon-footprint/azure/dist/domain');

function estimators(C) {
  return [new core.ComputeEstimator(), new core.StorageEstimator(C.SSDCOEFFICIENT),
    new core.StorageEstimator(C.HDDCOEFFICIENT), new core.NetworkingEstimator(C.NETWORKING_COEFFICIENT),
    new core.MemoryEstimator(C.MEMORY_COEFFICIENT), new core.UnknownEstimator(C.ESTIMATE_UNKNOWN_USAGE_BY),
    new core.EmbodiedEmissionsEstimator(C.SERVER_EXPECTED_LIFESPAN)];
}

function aws(type, vcpus) {
  const C = AWS_CLOUD_CONSTANTS;
  const service = new CostAndUsageReports(...estimators(C));
  const row = new CostAndUsageReportsRow(new Date('2024-01-01'), '', '', 'us-east-1', 'AmazonEC2',
    'USE1-BoxUsage:' + type, 'Hrs', vcpus, 1, 1, {});
  const factors = { 'us-east-1': 0.000379069 };
  const compute = new AWSComputeEstimatesBuilder(row, new core.ComputeEstimator(), factors).computeFootprint;
  const memory = new AWSMemoryEstimatesBuilder(row, new core.MemoryEstimator(C.MEMORY_COEFFICIENT), factors).memoryFootprint;
  const embodied = service.getEmbodiedEmissions(row, factors);
  return { provider: 'aws', type, pue: C.getPUE('us-east-1'), computeKwh: compute.kilowattHours,
    memoryKwh: memory.kilowattHours, embodiedKg: embodied.co2e * 1000 };
}

function azure(meter) {
  const C = AZURE_CLOUD_CONSTANTS;
  const service = new ConsumptionManagementService(...estimators(C));
  const row = new ConsumptionDetailRow({ id: '', name: '', type: '', tags: {}, kind: 'legacy',
    date: new Date('2024-01-01'), quantity: 1, cost: 1, meterDetails: { meterName: meter,
      unitOfMeasure: '1 Hour', meterCategory: 'Virtual Machines', subscriptionName: '', resourceLocation: 'westeurope' } });
  const factors = { [row.region]: 0.0003 };
  const pue = C.getPUE(row.region);
  return { provider: 'azure', type: meter, pue,
    computeKwh: service.getComputeFootprintEstimate(row, pue, factors).kilowattHours,
    memoryKwh: service.getMemoryFootprintEstimate(row, pue, factors, true).kilowattHours,
    embodiedKg: service.getEmbodiedEmissions(row, factors).co2e * 1000 };
}

const results = [
  ...[['m5.xlarge', 4], ['c5.2xlarge', 8], ['r5.large', 2], ['m5.24xlarge', 96], ['m6g.xlarge', 4],
    ['a1.2xlarge', 8], ['a1.4xlarge', 16], ['r5ad.12xlarge', 48], ['c5a.24xlarge', 96], ['r6g.medium', 1],
    ['p3.2xlarge', 8], ['g4dn.xlarge', 4], ['p4d.24xlarge', 96], ['g5.xlarge', 4]].map(([t, v]) => aws(t, v)),
  ...['D4s v3', 'F8s v2', 'D8as v4', 'E8ads v5', 'NC6s v3', 'NC24ads A100 v4', 'ND40rs v2'].map(azure),
];
results.forEach((r) => console.log(JSON.stringify(r)));
