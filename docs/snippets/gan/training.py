# %% [markdown]
# A GAN learning the ring of 8 Gaussians (kb.models.gan, kb.datasets.mixture): generated
# points after several epochs, and how many of the 8 modes they cover after every epoch.

# %%
import torch

from kb import LossHistory, epochs, make_trainer, seed_everything
from kb.datasets.mixture import RingMixtureDataModule
from kb.models.gan import LitGAN, SampleSnapshots, plot_gan_samples
from kb.plotting import assert_readable, label, subplots

torch.set_num_threads(1)
seed_everything(0)
total = epochs(quick=40, full=200)
shown = sorted({1, 3, total // 4, total})
data, model = RingMixtureDataModule(seed=0), LitGAN()
snapshots = SampleSnapshots(epochs=shown, n=1000)
history = LossHistory(metrics=("loss", "modes", "quality"))
trainer = make_trainer(max_epochs=total, callbacks=[snapshots, history])
trainer.fit(model, data)
modes = history.history["val_modes"]
for epoch in shown:
    print(
        f"after epoch {epoch:>3}: modes covered {modes[epoch - 1]:.0f} of 8, "
        f"share of samples on a mode {history.history['val_quality'][epoch - 1]:.2f}"
    )
result = trainer.test(model, data, verbose=False)[0]
print(f"test: modes covered {result['test_modes']:.0f} of 8, share on a mode {result['test_quality']:.2f}")

# %%
real = data.train_set.tensors[0]
samples = plot_gan_samples(
    snapshots.snapshots,
    real=real,
    titles={e: label(f"epoch {e}: {modes[e - 1]:.0f}/8", f"第 {e} 轮：{modes[e - 1]:.0f}/8") for e in shown},
)

curves, (left, right) = subplots(1, 2, height=2.8)
run = range(1, total + 1)
left.plot(run, modes, marker="o", markersize=3)
left.set(xlabel=label("epoch", "轮次"), ylabel="val_modes", ylim=(0, 8.5), yticks=range(0, 9, 2))
right.plot(run, history.history["train_d_loss"], label="train_d_loss")
right.plot(run, history.history["train_g_loss"], label="train_g_loss", linestyle="--")
right.set(xlabel=label("epoch", "轮次"), ylabel="BCE")
legend = right.legend(fontsize="small")

# %% tags=["hide-input"]
assert result["test_modes"] >= 7 and modes[-1] >= 7 and modes[0] < modes[-1]
assert sorted(snapshots.snapshots) == shown
assert_readable(samples, curves)
