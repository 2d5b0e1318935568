# %% [markdown]
# Vision Transformer input: an image cut into patches, each patch one token (`kb.models.vit`).
# First the shapes of the ViT-Base/16 setting, then an 8x8 digit cut into four 4x4 patches.

# %%
import torch
from sklearn.datasets import load_digits

from kb.models.vit import PatchEmbedding, patchify
from kb.plotting import assert_readable, image_grid

H = W = 224
C, P, d = 3, 16, 768  # ViT-Base/16: 16x16 patches, model width 768
N = (H // P) * (W // P)
images = torch.zeros(1, C, H, W)
tokens = PatchEmbedding(H, P, C, d)(images)
embedding_params = (C * P * P) * d + d  # the linear map of one flattened patch
print(f"image {C}x{H}x{W}: N = ({H}/{P}) * ({W}/{P}) = {N} patches of {C}*{P}*{P} = {C * P * P} numbers")
print("patches:", tuple(patchify(images, P).shape), "-> tokens with the class token:", tuple(tokens.shape))
print("parameters of the patch embedding (C*P*P*d + d):", embedding_params)

# %%
digit = torch.tensor(load_digits().images[0], dtype=torch.float32)[None, None] / 16  # (1, 1, 8, 8)
patches = patchify(digit, 4)  # (1, 4, 16)
print("digit", tuple(digit.shape), "-> patches", tuple(patches.shape))
fig = image_grid([digit[0, 0], *patches[0].view(4, 4, 4)], ["$x$", "$p_1$", "$p_2$", "$p_3$", "$p_4$"], ncols=5)

# %% tags=["hide-input"]
assert N == 196 and tokens.shape == (1, N + 1, d) and C * P * P == 768
assert embedding_params == sum(p.numel() for p in PatchEmbedding(H, P, C, d).proj.parameters())
assert torch.equal(patches[0, 1].view(4, 4), digit[0, 0, :4, 4:])  # patch 2: top right
assert_readable(fig)
