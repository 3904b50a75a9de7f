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
