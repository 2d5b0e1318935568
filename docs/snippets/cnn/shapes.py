# %% [markdown]
# The CNN of articles 000/001/004 (Keras), rebuilt layer by layer in PyTorch to
# print every shape and parameter count; then the smaller `kb.models.cnn.CNN`.

# %%
import torch
from torch import nn

from kb.models.cnn import CNN

keras_like = nn.Sequential(
    nn.Conv2d(1, 32, 3),
    nn.ReLU(),  # Conv2D(32, (3, 3), activation='relu'), 'valid' padding
    nn.MaxPool2d(2),  # MaxPooling2D((2, 2))
    nn.Conv2d(32, 64, 3),
    nn.ReLU(),  # Conv2D(64, (3, 3))
    nn.MaxPool2d(2),
    nn.Conv2d(64, 64, 3),
    nn.ReLU(),  # Conv2D(64, (3, 3)), no pooling after it
    nn.Flatten(),
    nn.Linear(3 * 3 * 64, 64),
    nn.ReLU(),  # Dense(64)
    nn.Linear(64, 10),  # Dense(10) (softmax folded into the loss)
)

x = torch.zeros(1, 1, 28, 28)
total = 0
for layer in keras_like:
    x = layer(x)
    count = sum(p.numel() for p in layer.parameters())
    total += count
    if not isinstance(layer, nn.ReLU):
        print(f"{layer.__class__.__name__:<10} -> {tuple(x.shape)!s:<16} params {count:>6}")
print("total parameters:", total)

# %%
kb_cnn = CNN()
print(
    "kb CNN on 8x8 digits:",
    tuple(kb_cnn(torch.zeros(2, 1, 8, 8)).shape),
    "parameters:",
    sum(p.numel() for p in kb_cnn.parameters()),
)

# %% tags=["hide-input"]
conv = lambda c_in, c_out, k=3: c_out * (c_in * k * k + 1)  # noqa: E731  the chapter's parameter formula
assert total == conv(1, 32) + conv(32, 64) + conv(64, 64) + (3 * 3 * 64 + 1) * 64 + (64 + 1) * 10
assert tuple(x.shape) == (1, 10) and tuple(kb_cnn(torch.zeros(2, 1, 8, 8)).shape) == (2, 10)
