// Cloud Carbon Footprint's own figures for one hour of a cloud instance type, as listed in
// docs/validation.md ("Peer parity"). Written for GreenLedger; it runs CCF's published code and
// copies none of it. Run in an empty folder:
//
//   npm install @cloud-carbon-footprint/aws@0.15.0 @cloud-carbon-footprint/azure@1.8.0 typescript@5
//   # CCF's gcp package is not on the npm registry: compile its constants and machine tables
//   # from cloud-carbon-footprint/cloud-carbon-footprint @ b7a049c7d25c into ./gcpjs/
//   #   packages/gcp/src/domain/GcpFootprintEstimationConstants.ts -> gcp/domain/
//   #   packages/gcp/src/lib/MachineTypes.ts, packages/gcp/src/lib/GCPRegions.ts -> gcp/lib/
//   npx tsc --module commonjs --target es2020 --esModuleInterop --skipLibCheck --noResolve \
//     --isolatedModules --outDir gcpjs gcp/domain/GcpFootprintEstimationConstants.ts \
//     gcp/lib/MachineTypes.ts gcp/lib/GCPRegions.ts
//   node ccf-instance-hours.js
//
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

// GCP, following packages/gcp/src/lib/BillingExportTable.ts: a vCPU line at CCF's 50 %, a separate
// RAM line (all memory), a separate GPU line, and getEmbodiedEmissions (usage time / instance vCPUs).
function gcp(type, vcpus, memoryGb, gpu, gpus) {
  const { GCP_CLOUD_CONSTANTS: C } = require('./gcpjs/domain/GcpFootprintEstimationConstants');
  const machines = require('./gcpjs/lib/MachineTypes');
  const region = 'us-central1';
  const factors = { [region]: 0.000454 };
  const pue = C.getPUE(region);
  const run = (hours, processors) => new core.ComputeEstimator().estimate([{ cpuUtilizationAverage:
    C.AVG_CPU_UTILIZATION_2020, vCpuHours: hours, usesAverageCPUConstant: true, timestamp: new Date() }], region,
  factors, { minWatts: C.getMinWatts(processors), maxWatts: C.getMaxWatts(processors),
    powerUsageEffectiveness: pue, replicationFactor: 1 })[0].kilowattHours;
  const processors = machines.INSTANCE_TYPE_COMPUTE_PROCESSOR_MAPPING[type.substring(0, 2).toLowerCase()] || ['Unknown'];
  const family = machines.MACHINE_FAMILY_TO_MACHINE_TYPE_MAPPING[type.split('-').slice(0, 2).join('-')];
  const [instanceVcpus, scopeThree] = family[type];
  const sizes = Object.values(family);
  const embodied = new core.EmbodiedEmissionsEstimator(C.SERVER_EXPECTED_LIFESPAN).estimate([{
    instancevCpu: instanceVcpus, largestInstancevCpu: sizes[sizes.length - 1][0],
    usageTimePeriod: 3600 / instanceVcpus / 3600, scopeThreeEmissions: scopeThree }], region, factors)[0];
  const memory = new core.MemoryEstimator(C.MEMORY_COEFFICIENT).estimate([{ gigabyteHours: memoryGb,
    timestamp: new Date() }], region, factors, { powerUsageEffectiveness: pue })[0];
  return { provider: 'gcp', type, pue, computeKwh: run(vcpus, processors) + (gpu ? run(gpus, [gpu]) : 0),
    memoryKwh: memory.kilowattHours, embodiedKg: embodied.co2e * 1000 };
}

const results = [
  ...[['m5.xlarge', 4], ['c5.2xlarge', 8], ['r5.large', 2], ['m5.24xlarge', 96], ['m6g.xlarge', 4],
    ['a1.2xlarge', 8], ['a1.4xlarge', 16], ['r5ad.12xlarge', 48], ['c5a.24xlarge', 96], ['r6g.medium', 1],
    ['p3.2xlarge', 8], ['g4dn.xlarge', 4], ['p4d.24xlarge', 96], ['g5.xlarge', 4]].map(([t, v]) => aws(t, v)),
  ...['D4s v3', 'F8s v2', 'D8as v4', 'E8ads v5', 'NC6s v3', 'NC24ads A100 v4', 'ND40rs v2'].map(azure),
  ...[['n1-standard-4', 4, 15], ['n2-standard-8', 8, 32], ['e2-standard-4', 4, 16], ['c2-standard-8', 8, 32],
    ['n2d-standard-8', 8, 32], ['a2-highgpu-1g', 12, 85, 'Nvidia Tesla A100', 1]].map((a) => gcp(...a)),
];
results.forEach((r) => console.log(JSON.stringify(r)));
