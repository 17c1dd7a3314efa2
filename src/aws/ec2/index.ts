export { awsvpcTaskLimit } from './awsvpcTaskLimit';
export { Ec2Meter, type Ec2PurchaseOption, type Ec2Usage, type Ec2UsageRow, ec2BilledSeconds } from './Ec2Meter';
export { type Ec2PricingOptions, ec2HourlyRate, ec2LineItems, ec2OnDemandHourlyUsd } from './ec2Pricing';
export { idleCostUsd, paidVcpuSeconds, reservedCpuShare } from './idleCost';
