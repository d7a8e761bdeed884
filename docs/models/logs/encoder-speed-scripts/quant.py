import sys, onnx
from collections import Counter
from onnxruntime.quantization import QuantType, quantize_dynamic
src, dst, ops = sys.argv[1], sys.argv[2], sys.argv[3]
excl = sys.argv[4].split(",") if len(sys.argv) > 4 and sys.argv[4] else None
op_types = None if ops == "all" else ops.split(",")
quantize_dynamic(src, dst, op_types_to_quantize=op_types, per_channel=True, weight_type=QuantType.QInt8,
                 nodes_to_exclude=excl, extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
print(Counter(n.op_type for n in onnx.load(dst).graph.node).most_common(8))
