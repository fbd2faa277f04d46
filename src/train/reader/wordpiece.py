"""The all-MiniLM-L6-v2 tokenizer, read from the tokenizer JSON that the LangChain4j artifact ships.

It follows the JSON's pipeline: BertNormalizer (clean text, pad CJK characters, lower-case, strip accents, as
`strip_accents: null` follows `lowercase`), BertPreTokenizer (split on white space, isolate punctuation),
WordPiece with `##` continuations and `[UNK]` for words longer than 100 characters or not spelled by the
vocabulary, then `[CLS] ... [SEP]`. Like the product, a text longer than the model's limit (128 tokens) keeps
`[CLS]`, its first word pieces and `[SEP]`.
"""
import json
import unicodedata


def _is_control(ch):
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch).startswith("C")


def _is_whitespace(ch):
    if ch in " \t\n\r":
        return True
    return unicodedata.category(ch) == "Zs"


def _is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_chinese(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


class WordPiece:
    def __init__(self, tokenizer_json, max_length=None):
        with open(tokenizer_json, encoding="utf-8") as f:
            spec = json.load(f)
        model = spec["model"]
        if model["type"] != "WordPiece":
            raise ValueError("not a WordPiece tokenizer: " + model["type"])
        self.vocab = model["vocab"]
        self.unk = model["unk_token"]
        self.prefix = model["continuing_subword_prefix"]
        self.max_chars = model["max_input_chars_per_word"]
        norm = spec["normalizer"]
        if norm["type"] != "BertNormalizer" or spec["pre_tokenizer"]["type"] != "BertPreTokenizer":
            raise ValueError("unexpected normalizer or pre-tokenizer")
        self.clean_text = norm.get("clean_text", True)
        self.chinese = norm.get("handle_chinese_chars", True)
        self.lowercase = norm.get("lowercase", True)
        strip = norm.get("strip_accents")
        self.strip_accents = self.lowercase if strip is None else strip
        trunc = spec.get("truncation") or {}
        self.max_length = max_length or trunc.get("max_length", 512)
        self.cls_id = self.vocab["[CLS]"]
        self.sep_id = self.vocab["[SEP]"]
        self.pad_id = self.vocab["[PAD]"]
        self.unk_id = self.vocab[self.unk]

    def normalize(self, text):
        if self.clean_text:
            out = []
            for ch in text:
                cp = ord(ch)
                if cp == 0 or cp == 0xFFFD or _is_control(ch):
                    continue
                out.append(" " if _is_whitespace(ch) else ch)
            text = "".join(out)
        if self.chinese:
            text = "".join(f" {ch} " if _is_chinese(ord(ch)) else ch for ch in text)
        if self.strip_accents:
            text = "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")
        if self.lowercase:
            text = text.lower()
        return text

    @staticmethod
    def pre_tokenize(text):
        words, current = [], []
        for ch in text:
            if _is_whitespace(ch):
                if current:
                    words.append("".join(current))
                    current = []
            elif _is_punctuation(ch):
                if current:
                    words.append("".join(current))
                    current = []
                words.append(ch)
            else:
                current.append(ch)
        if current:
            words.append("".join(current))
        return words

    def word_ids(self, word):
        if len(word) > self.max_chars:
            return [self.unk_id]
        ids, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                piece = word[start:end] if start == 0 else self.prefix + word[start:end]
                if piece in self.vocab:
                    found = self.vocab[piece]
                    break
                end -= 1
            if found is None:
                return [self.unk_id]
            ids.append(found)
            start = end
        return ids

    def pieces(self, text):
        """Word-piece ids of `text`, without special tokens and uncut."""
        ids = []
        for word in self.pre_tokenize(self.normalize(text)):
            ids.extend(self.word_ids(word))
        return ids

    def encode(self, text):
        """`[CLS]`, the word pieces, `[SEP]`: at most `max_length` ids, cut as the product cuts."""
        ids = [self.cls_id] + self.pieces(text) + [self.sep_id]
        if len(ids) > self.max_length:
            ids = ids[: self.max_length - 1] + [self.sep_id]
        return ids

    def batch(self, texts, max_length=None):
        """(input_ids, attention_mask) as lists padded with `[PAD]` to the longest text of the batch."""
        encoded = [self.encode(t) for t in texts]
        if max_length is not None:
            encoded = [e if len(e) <= max_length else e[: max_length - 1] + [self.sep_id] for e in encoded]
        width = max(len(e) for e in encoded)
        ids = [e + [self.pad_id] * (width - len(e)) for e in encoded]
        mask = [[1] * len(e) + [0] * (width - len(e)) for e in encoded]
        return ids, mask
