/**
 * Whether Lambda bills the INIT phase of an on-demand cold start.
 *
 * Since 2025-08-01 AWS bills INIT for every on-demand function (aws-facts.md fact 69, AWS Compute
 * Blog "AWS Lambda standardizes billing for INIT Phase" [B]). Before, INIT was free only for ZIP
 * packages on managed runtimes: custom runtimes (`provided.*`) and container images were already
 * billed for it. `Settings.Lambda.BillInit` chooses the rule (true = the current one).
 * Provisioned-concurrency environments initialise inside the provisioned charge either way.
 */

export interface InitBillingInputs {
  /** Scenario `Settings.Lambda.BillInit`: bill INIT as AWS does since 2025-08-01. */
  billInit: boolean;
  /** CloudFormation `Runtime`; absent for container images. */
  runtime: string | undefined;
  /** CloudFormation `PackageType`. */
  packageType: 'Zip' | 'Image';
}

/** True when an on-demand cold start's INIT duration is billed under the chosen rule. */
export function isInitBilled({ billInit, runtime, packageType }: InitBillingInputs): boolean {
  if (billInit) return true;
  return packageType === 'Image' || (runtime ?? '').startsWith('provided');
}
