"""boto3 against the local RDS endpoint: every answer parsed by botocore's own RDS model.

Usage: python boto3Conformance.py ENDPOINT_URL CLUSTER_ID
Prints one JSON object (the checks' findings); exits 1 when the endpoint strays from the model.
"""
import datetime
import json
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError

URL, CLUSTER = sys.argv[1], sys.argv[2]
PROBLEMS = []
RAW = {}

client = boto3.client(
    "rds", endpoint_url=URL, region_name="eu-west-1", aws_access_key_id="test",
    aws_secret_access_key="test", config=Config(retries={"max_attempts": 1, "mode": "standard"}),
)
MODEL = client.meta.service_model
client.meta.events.register("before-parse.rds.*", lambda response_dict, **_: RAW.update(body=response_dict["body"]))

PY_TYPES = {"string": str, "integer": int, "long": int, "boolean": bool, "timestamp": datetime.datetime,
            "double": (int, float), "float": (int, float)}


def local(tag):
    return tag.split("}", 1)[-1]


def check_xml(element, shape, path):
    """The raw XML element has the shape's type; no element outside the model."""
    kind = shape.type_name
    if kind == "structure":
        names = {m.serialization.get("name", n): (n, m) for n, m in shape.members.items()}
        for child in element:
            tag = local(child.tag)
            if tag not in names:
                PROBLEMS.append(f"{path}.{tag}: not in the model's {shape.name}")
            else:
                check_xml(child, names[tag][1], f"{path}.{tag}")
    elif kind == "list":
        member_name = shape.member.serialization.get("name", "member")
        for i, child in enumerate(element):
            if local(child.tag) != member_name:
                PROBLEMS.append(f"{path}[{i}]: element <{local(child.tag)}>, the model names <{member_name}>")
            check_xml(child, shape.member, f"{path}[{i}]")
    else:
        text = element.text or ""
        ok = {"integer": text.lstrip("-").isdigit(), "long": text.lstrip("-").isdigit(),
              "boolean": text in ("true", "false")}.get(kind, True)
        if kind == "timestamp":
            try:
                datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                ok = False
        if not ok:
            PROBLEMS.append(f"{path}: {text!r} is not a {kind}")


def check_parsed(value, shape, path):
    """botocore's parsed value has the Python type of the model's shape."""
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            return PROBLEMS.append(f"{path}: {type(value).__name__}, model says structure")
        for key, item in value.items():
            if key not in shape.members:
                PROBLEMS.append(f"{path}.{key}: not in the model")
            else:
                check_parsed(item, shape.members[key], f"{path}.{key}")
    elif kind == "list":
        if not isinstance(value, list):
            return PROBLEMS.append(f"{path}: {type(value).__name__}, model says list")
        for i, item in enumerate(value):
            check_parsed(item, shape.member, f"{path}[{i}]")
    elif not isinstance(value, PY_TYPES[kind]) or (kind in ("integer", "long") and isinstance(value, bool)):
        PROBLEMS.append(f"{path}: {type(value).__name__} {value!r}, model says {kind}")


def checked(operation, **params):
    """Calls `operation`, checks the raw XML and the parsed output against the model."""
    output = getattr(client, botocore.xform_name(operation))(**params)
    shape = MODEL.operation_model(operation).output_shape
    root = ET.fromstring(RAW["body"])
    result = next(c for c in root if local(c.tag) == f"{operation}Result")
    check_xml(result, shape, operation)
    check_parsed({k: v for k, v in output.items() if k != "ResponseMetadata"}, shape, operation)
    meta = output["ResponseMetadata"]
    if meta["RequestId"] != meta["HTTPHeaders"].get("x-amzn-requestid"):
        PROBLEMS.append(f"{operation}: RequestId {meta['RequestId']} differs from the x-amzn-RequestId header")
    return output


def error_of(operation, **params):
    try:
        getattr(client, botocore.xform_name(operation))(**params)
    except ClientError as error:
        return {"code": error.response["Error"]["Code"], "message": error.response["Error"]["Message"],
                "status": error.response["ResponseMetadata"]["HTTPStatusCode"]}
    PROBLEMS.append(f"{operation} {params}: expected an error")
    return None


def admin_config(patch):
    request = urllib.request.Request(f"{URL}/_emulator/config", data=json.dumps(patch).encode(), method="PATCH")
    urllib.request.urlopen(request).read()


def wait_for(status):
    for _ in range(200):
        if checked("DescribeDBClusters", DBClusterIdentifier=CLUSTER)["DBClusters"][0]["Status"] == status:
            return
        time.sleep(0.05)
    PROBLEMS.append(f"{CLUSTER} never became {status}")


described = checked("DescribeDBClusters")["DBClusters"]
fields = sorted(next(c for c in described if c["DBClusterIdentifier"] == CLUSTER))
stopped = checked("StopDBCluster", DBClusterIdentifier=CLUSTER)["DBCluster"]["Status"]
wait_for("stopped")
started = checked("StartDBCluster", DBClusterIdentifier=CLUSTER)["DBCluster"]["Status"]
wait_for("available")
not_found = error_of("DescribeDBClusters", DBClusterIdentifier="no-such-cluster")
arn = next(c for c in described if c["DBClusterIdentifier"] == CLUSTER)["DBClusterArn"]
client.add_tags_to_resource(ResourceName=arn, Tags=[{"Key": "aurora-power:keep-running-until", "Value": "2026-11-29T08:00:00Z"}])
if any(local(c.tag) == "AddTagsToResourceResult" for c in ET.fromstring(RAW["body"])):
    PROBLEMS.append("AddTagsToResource: RDS answers with no AddTagsToResourceResult element")
tags = checked("DescribeDBClusters", DBClusterIdentifier=CLUSTER)["DBClusters"][0].get("TagList", [])
admin_config({"quotaMode": True, "quotaBurst": 1, "quotaRatePerSecond": 0})
checked("DescribeDBClusters", DBClusterIdentifier=CLUSTER)
throttled = error_of("DescribeDBClusters", DBClusterIdentifier=CLUSTER)
admin_config({"quotaMode": False})
print(json.dumps({
    "versions": {"boto3": boto3.__version__, "botocore": botocore.__version__},
    "clusters": len(described), "fields": fields, "stopped": stopped, "started": started,
    "notFound": not_found, "throttled": throttled, "tags": tags, "problems": PROBLEMS,
}))
sys.exit(1 if PROBLEMS else 0)
