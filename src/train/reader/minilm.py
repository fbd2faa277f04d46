"""all-MiniLM-L6-v2 in plain PyTorch: a 6-layer BERT encoder (hidden 384, 12 heads of 32, post-LayerNorm,
GELU, eps 1e-12), mean pooling over the attention mask and L2 normalisation, as the product computes a vector.

The weights come from the ONNX file the LangChain4j artifact ships (`load_onnx`). Embeddings, biases and
LayerNorms there carry BERT names; the 36 weight matrices are anonymous `onnx::MatMul_*` initializers stored
in x out. Each is named after the bias that the `Add` node consuming its `MatMul` output adds.
"""
import math

import torch
from torch import nn
import torch.nn.functional as F

HIDDEN = 384
LAYERS = 6
HEADS = 12
INTERMEDIATE = 1536
VOCAB = 30522
POSITIONS = 512
TYPES = 2
EPS = 1e-12
DROPOUT = 0.1  # BERT's, in training only: `eval()` switches it off, and the state dict has no trace of it


class Embeddings(nn.Module):
    def __init__(self):
        super().__init__()
        self.word_embeddings = nn.Embedding(VOCAB, HIDDEN)
        self.position_embeddings = nn.Embedding(POSITIONS, HIDDEN)
        self.token_type_embeddings = nn.Embedding(TYPES, HIDDEN)
        self.LayerNorm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.dropout = nn.Dropout(DROPOUT)

    def forward(self, input_ids, token_type_ids):
        positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        x = self.word_embeddings(input_ids) + self.position_embeddings(positions) \
            + self.token_type_embeddings(token_type_ids)
        return self.dropout(self.LayerNorm(x))


class SelfAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)
        self.dropout = nn.Dropout(DROPOUT)

    def forward(self, x, bias):
        b, t, _ = x.shape
        d = HIDDEN // HEADS

        def heads(y):
            return y.view(b, t, HEADS, d).transpose(1, 2)

        q, k, v = heads(self.query(x)), heads(self.key(x)), heads(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(d) + bias
        context = torch.matmul(self.dropout(scores.softmax(dim=-1)), v)
        return context.transpose(1, 2).reshape(b, t, HIDDEN)


class DenseNorm(nn.Module):
    """A projection with dropout, the residual, then LayerNorm (BERT's `*Output` blocks)."""

    def __init__(self, inputs):
        super().__init__()
        self.dense = nn.Linear(inputs, HIDDEN)
        self.LayerNorm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.dropout = nn.Dropout(DROPOUT)

    def forward(self, x, residual):
        return self.LayerNorm(self.dropout(self.dense(x)) + residual)


class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.self = SelfAttention()
        self.output = DenseNorm(HIDDEN)

    def forward(self, x, bias):
        return self.output(self.self(x, bias), x)


class Intermediate(nn.Module):
    def __init__(self):
        super().__init__()
        self.dense = nn.Linear(HIDDEN, INTERMEDIATE)

    def forward(self, x):
        return F.gelu(self.dense(x))


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.attention = Attention()
        self.intermediate = Intermediate()
        self.output = DenseNorm(INTERMEDIATE)

    def forward(self, x, bias):
        a = self.attention(x, bias)
        return self.output(self.intermediate(a), a)


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.ModuleList(Layer() for _ in range(LAYERS))


class MiniLM(nn.Module):
    """Token ids and attention mask in; `forward` gives the last layer's token vectors, `embed` the pooled,
    normalised sentence vectors."""

    def __init__(self):
        super().__init__()
        self.embeddings = Embeddings()
        self.encoder = Encoder()

    def forward(self, input_ids, attention_mask, token_type_ids=None):
        if token_type_ids is None:
            token_type_ids = torch.zeros_like(input_ids)
        x = self.embeddings(input_ids, token_type_ids)
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * torch.finfo(x.dtype).min
        for layer in self.encoder.layer:
            x = layer(x, bias)
        return x

    def embed(self, input_ids, attention_mask):
        tokens = self(input_ids, attention_mask)
        mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
        pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1)
        return F.normalize(pooled, p=2, dim=-1, eps=1e-12)


def onnx_state_dict(path):
    """The network's state dict from the shipped ONNX file, every tensor accounted for."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(path).graph
    tensors = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    _dequantize(graph, tensors)
    _widen_rows(tensors)
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    state = {}
    for name, value in tensors.items():
        if name.endswith("position_ids"):
            # positions 0, 1, 2, ...: the network computes them
            if not torch.equal(value.flatten().long(), torch.arange(value.numel())):
                raise ValueError(f"{name} is not 0, 1, 2, ...")
            continue
        if not name.startswith("onnx::"):
            state[name[len("bert."):] if name.startswith("bert.") else name] = value
    for node in graph.node:
        if node.op_type != "MatMul":
            continue
        weight = next((i for i in node.input if i in tensors and i.startswith("onnx::")), None)
        if weight is None:
            continue
        adds = [n for n in consumers.get(node.output[0], []) if n.op_type == "Add"]
        biases = [i for n in adds for i in n.input if i in tensors and i.endswith(".bias")]
        if len(biases) != 1:
            raise ValueError(f"cannot name MatMul weight {weight}: biases {biases}")
        key = biases[0][: -len(".bias")] + ".weight"
        key = key[len("bert."):] if key.startswith("bert.") else key
        state[key] = tensors[weight].t().contiguous()  # ONNX keeps in x out, nn.Linear out x in
    return state


def _dequantize(graph, tensors):
    """Replaces the int8 weights of a file export.py --int8 wrote by the float values its DequantizeLinear
    nodes compute, (q - zero point) * scale, under the name of the node's output."""
    for node in graph.node:
        if node.op_type != "DequantizeLinear" or not all(i in tensors for i in node.input):
            continue
        q, scale = tensors[node.input[0]], tensors[node.input[1]]
        zero = tensors[node.input[2]] if len(node.input) > 2 else torch.zeros_like(scale, dtype=q.dtype)
        axis = next((a.i for a in node.attribute if a.name == "axis"), 1)
        shape = [1] * q.dim()
        if scale.dim() == 1:
            shape[axis] = -1
        value = (q.to(torch.int32) - zero.to(torch.int32).reshape(shape)).to(torch.float32) \
            * scale.reshape(shape)
        for i in node.input:
            tensors.pop(i)
        tensors[node.output[0]] = value


def _widen_rows(tensors):
    """Replaces a table quantize_embeddings.py stored as int8 rows (`NAME_int8`, `NAME_scale` per row) by the
    float values its graph computes for each gathered row, under NAME."""
    tables = [n[: -len("_int8")] for n in tensors if n.endswith("_int8")]
    for name in [t for t in tables if t + "_scale" in tensors]:
        rows, scale = tensors.pop(name + "_int8"), tensors.pop(name + "_scale")
        tensors.pop(name + "_last_axis", None)
        tensors[name] = rows.to(torch.float32) * scale.reshape(-1, 1)


def load_onnx(path):
    model = MiniLM()
    state = onnx_state_dict(path)
    expected = model.state_dict()
    missing = sorted(set(expected) - set(state))
    unexpected = sorted(set(state) - set(expected))
    if missing or unexpected:
        raise ValueError(f"missing {missing}, unexpected {unexpected}")
    for key, value in state.items():
        if value.shape != expected[key].shape:
            raise ValueError(f"{key}: {tuple(value.shape)} in ONNX, {tuple(expected[key].shape)} expected")
    model.load_state_dict(state)
    return model


def load(path):
    """The network from an ONNX file (`.onnx`) or a state dict saved by train.py."""
    if str(path).endswith(".onnx"):
        return load_onnx(path)
    model = MiniLM()
    model.load_state_dict(torch.load(path, map_location="cpu"))
    return model
