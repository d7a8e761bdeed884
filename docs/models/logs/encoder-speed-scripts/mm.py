import numpy as np, onnx, onnxruntime as ort, time, resource
from onnx import helper, TensorProto, numpy_helper
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF); return r.ru_utime + r.ru_stime
import sys; M, K, N = map(int, sys.argv[1:4])
W = np.random.randn(K, N).astype(np.float32)
for kind in ("fp32", "int8"):
    if kind == "fp32":
        node = helper.make_node("MatMul", ["x", "w"], ["y"])
        inits = [numpy_helper.from_array(W, "w")]
        g = helper.make_graph([node], "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [M, K])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [M, N])], inits)
        m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)]); m.ir_version = 8
        onnx.save(m, "/tmp/i11/mm32.onnx"); path = "/tmp/i11/mm32.onnx"
    else:
        from onnxruntime.quantization import quantize_dynamic, QuantType
        quantize_dynamic("/tmp/i11/mm32.onnx", "/tmp/i11/mm8.onnx", weight_type=QuantType.QInt8, per_channel=True)
        path = "/tmp/i11/mm8.onnx"
    o = ort.SessionOptions(); o.intra_op_num_threads = 1
    s = ort.InferenceSession(path, o, providers=["CPUExecutionProvider"])
    x = np.random.randn(M, K).astype(np.float32)
    s.run(None, {"x": x})
    best = 1e9
    for _ in range(5):
        t = cpu()
        for _ in range(50): s.run(None, {"x": x})
        best = min(best, (cpu() - t) / 50)
    print(kind, f"{best*1e3:.3f} ms, {2*M*K*N/best/1e9:.0f} GOP/s")
