import numpy as np, onnx, onnxruntime as ort, resource
from onnx import helper, TensorProto, numpy_helper
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF); return r.ru_utime + r.ru_stime
import sys; DIS = sys.argv[1:]; M, H = 320, 384
def run(nodes, inits, ins, outs, name):
    g = helper.make_graph(nodes, "g", [helper.make_tensor_value_info(n, TensorProto.FLOAT, s) for n, s in ins],
                          [helper.make_tensor_value_info(n, TensorProto.FLOAT, None) for n in outs], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]); m.ir_version = 8
    o = ort.SessionOptions(); o.intra_op_num_threads = 1
    s = ort.InferenceSession(m.SerializeToString(), o, providers=["CPUExecutionProvider"], disabled_optimizers=DIS)
    feeds = {n: np.random.randn(*sh).astype(np.float32) for n, sh in ins}
    s.run(None, feeds); best = 1e9
    for _ in range(5):
        t = cpu()
        for _ in range(200): s.run(None, feeds)
        best = min(best, (cpu() - t) / 200)
    print(name, f"{best*1e6:.0f} us")
g, b = numpy_helper.from_array(np.ones(H, np.float32), "g"), numpy_helper.from_array(np.zeros(H, np.float32), "b")
run([helper.make_node("SkipLayerNormalization", ["x", "s", "g", "b"], ["y"], domain="com.microsoft", epsilon=1e-12)], [g, b], [("x", [1, M, H]), ("s", [1, M, H])], ["y"], "SkipLN 320x384")
bb = numpy_helper.from_array(np.zeros(4*H, np.float32), "bb")
run([helper.make_node("BiasGelu", ["x", "bb"], ["y"], domain="com.microsoft")], [bb], [("x", [1, M, 4*H])], ["y"], "BiasGelu 320x1536")
run([helper.make_node("Identity", ["x"], ["y"])], [], [("x", [1, M, H])], ["y"], "Identity (call overhead)")
run([helper.make_node("Add", ["x", "s"], ["z"]), helper.make_node("LayerNormalization", ["z", "g", "b"], ["y"], epsilon=1e-12, axis=-1)], [g, b], [("x", [1, M, H]), ("s", [1, M, H])], ["y"], "Add+LayerNorm 320x384")
run([helper.make_node("LayerNormalization", ["x", "g", "b"], ["y"], epsilon=1e-12, axis=-1)], [g, b], [("x", [1, M, H])], ["y"], "LayerNorm 320x384")
run([helper.make_node("Add", ["x", "s"], ["y"])], [], [("x", [1, M, H]), ("s", [1, M, H])], ["y"], "Add 320x384")
run([helper.make_node("Gelu", ["x"], ["y"], domain="com.microsoft")], [], [("x", [1, M, 4*H])], ["y"], "Gelu(ms) 320x1536")
run([helper.make_node("FastGelu", ["x", "bb"], ["y"], domain="com.microsoft")], [bb], [("x", [1, M, 4*H])], ["y"], "FastGelu 320x1536")
run([helper.make_node("Erf", ["x"], ["y"])], [], [("x", [1, M, 4*H])], ["y"], "Erf 320x1536")
