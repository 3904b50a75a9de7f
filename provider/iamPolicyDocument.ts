/** An IAM policy document: the JSON shape of `aws.iam.Policy`'s `policy` and a role's trust policy. */
export interface IamPolicyDocument {
  Version: "2012-10-17";
  Statement: IamPolicyStatement[];
}

/** One statement of an {@link IamPolicyDocument}, typed just enough to build and test ours. */
export interface IamPolicyStatement {
  Sid?: string;
  Effect: "Allow";
  Principal?: { Service: string };
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string>>;
}

/**
 * Trust policy of a role that `service` (e.g. `scheduler.amazonaws.com`) assumes on behalf of
 * `accountId` only: the `aws:SourceAccount` condition guards against the confused-deputy problem,
 * as the EventBridge, Scheduler and Step Functions guides advise.
 */
export function serviceTrustPolicy(service: string, accountId: string): IamPolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: service },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": accountId } },
      },
    ],
  };
}
