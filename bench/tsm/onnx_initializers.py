"""The float32 initializers (weights) of an ONNX model, as torch tensors by name.

Debian packages no python3-onnx (nor python3-protobuf for its generated classes), so this
reads the few protobuf fields it needs by hand: ModelProto.graph (7) ->
GraphProto.initializer (5) -> TensorProto dims (1), data_type (2), float_data (4),
name (8), raw_data (9). Field numbers are those of onnx/onnx.proto.
"""
import numpy as np
import torch

_FLOAT = 1  # TensorProto.DataType.FLOAT


def _varint(buf, i):
    value = shift = 0
    while True:
        byte = buf[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def _fields(buf):
    """(field number, value) for each field of one message: ints for varints, bytes else."""
    i = 0
    while i < len(buf):
        key, i = _varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(buf, i)
        elif wire == 2:
            size, i = _varint(buf, i)
            value, i = buf[i:i + size], i + size
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            value, i = buf[i:i + size], i + size
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield number, value


def _tensor(message):
    dims, dtype, name, data = [], None, None, None
    for number, value in _fields(message):
        if number == 1:
            if isinstance(value, int):
                dims.append(value)
            else:  # packed repeated int64
                j = 0
                while j < len(value):
                    dim, j = _varint(value, j)
                    dims.append(dim)
        elif number == 2:
            dtype = value
        elif number == 4:  # packed repeated float
            data = (data or b"") + bytes(value)
        elif number == 8:
            name = bytes(value).decode()
        elif number == 9:
            data = bytes(value)
    if dtype != _FLOAT:
        raise ValueError(f"initializer {name}: data type {dtype}, only float32 is read")
    values = np.frombuffer(data or b"", dtype="<f4").reshape(dims)
    return name, torch.from_numpy(values.copy())


def read_onnx_initializers(path):
    with open(path, "rb") as f:
        model = memoryview(f.read())
    weights = {}
    for number, graph in _fields(model):
        if number != 7:
            continue
        for field, value in _fields(graph):
            if field == 5:
                name, tensor = _tensor(value)
                weights[name] = tensor
    return weights
