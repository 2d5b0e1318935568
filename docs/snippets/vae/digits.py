# %% [markdown]
# A VAE with a 2-D latent space trained on the 8x8 digits (kb.models.vae): test images
# and their reconstructions, where the encoder puts each test digit (the mean mu(x)),
# and what the decoder makes of a grid of latent points and of random z ~ N(0, I).

# %%
import torch

from kb import LossHistory, epochs, make_trainer, seed_everything
from kb.datasets.digits import DigitsDataModule
from kb.models.vae import LitVAE, decode_grid, plot_reconstructions, plot_vae_samples
from kb.plotting import CATEGORICAL, assert_readable, image_grid, subplots

torch.set_num_threads(1)
seed_everything(0)
data, model = DigitsDataModule(flatten=True, seed=0), LitVAE(latent=2)
history = LossHistory(metrics=("loss", "recon", "kl"))
trainer = make_trainer(max_epochs=epochs(quick=30, full=150), callbacks=[history])
trainer.fit(model, data)
result = trainer.test(model, data, verbose=False)[0]
print(
    f"test, nats per image: loss {result['test_loss']:.2f} = recon {result['test_recon']:.2f}",
    f"+ kl {result['test_kl']:.2f}",
)
x_test, y_test = data.test_set.tensors
recon = plot_reconstructions(model, x_test[:10])

# %%
with torch.no_grad():
    mu, _ = model.model.encode(x_test)
latent, ax = subplots(height=4.2)
for digit in range(10):
    points = mu[y_test == digit]
    ax.scatter(points[:, 0], points[:, 1], s=12, color=CATEGORICAL[digit], marker="os^D"[digit % 4], label=str(digit))
    ax.annotate(str(digit), points.median(0).values.tolist(), fontsize="large", ha="center", va="center", weight="bold")
ax.set(xlabel="$\\mu_1(x)$", ylabel="$\\mu_2(x)$")
legend = ax.legend(ncols=2, fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0), markerscale=1.5)

# %%
grid = image_grid(decode_grid(model, steps=10, limit=2.0).reshape(-1, 8, 8), ncols=10)
samples = plot_vae_samples(model, n=10, seed=0)
print("grid: z_1 from -2 (left) to 2 (right), z_2 from 2 (top) to -2 (bottom)")

# %% tags=["hide-input"]
assert abs(result["test_loss"] - result["test_recon"] - result["test_kl"]) < 1e-3
assert result["test_loss"] < 27.2  # below the mean-image baseline of the kb tests
assert history.history["val_loss"][-1] < history.history["val_loss"][0]
assert_readable(recon, latent, grid, samples)
