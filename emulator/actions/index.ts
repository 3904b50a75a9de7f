import type { RdsAction } from "../types";
import type { ActionHandler } from "./actionContext";
import { addTagsToResource } from "./addTagsToResource";
import { createDBCluster } from "./createDBCluster";
import { deleteDBCluster } from "./deleteDBCluster";
import { describeDBClusters } from "./describeDBClusters";
import { describeBlueGreenDeployments } from "./describeBlueGreenDeployments";
import { describeDBInstances } from "./describeDBInstances";
import { describeGlobalClusters } from "./describeGlobalClusters";
import { listTagsForResource } from "./listTagsForResource";
import { startDBCluster } from "./startDBCluster";
import { stopDBCluster } from "./stopDBCluster";

/** The handler of every served action, by Query `Action` name. */
export const ACTION_HANDLERS: Record<RdsAction, ActionHandler> = {
  DescribeDBClusters: describeDBClusters,
  StopDBCluster: stopDBCluster,
  StartDBCluster: startDBCluster,
  CreateDBCluster: createDBCluster,
  DeleteDBCluster: deleteDBCluster,
  DescribeDBInstances: describeDBInstances,
  ListTagsForResource: listTagsForResource,
  AddTagsToResource: addTagsToResource,
  DescribeGlobalClusters: describeGlobalClusters,
  DescribeBlueGreenDeployments: describeBlueGreenDeployments,
};
