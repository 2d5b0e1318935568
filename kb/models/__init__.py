"""Models: each module holds a plain ``nn.Module`` and a thin LightningModule around it.

Names load on first use (PEP 562), so ``from kb.models.cnn import CNN`` imports only
what the CNN needs.
"""

from __future__ import annotations

from kb._lazy import lazy_exports

_EXPORTS: dict[str, str] = {
    "LitClassifier": "kb.models.base",
    "LinearRegression": "kb.models.linear_regression",
    "LitLinearRegression": "kb.models.linear_regression",
    "closed_form": "kb.models.linear_regression",
    "LogisticRegression": "kb.models.logistic_regression",
    "LitLogisticRegression": "kb.models.logistic_regression",
    "MLP": "kb.models.mlp",
    "LitMLP": "kb.models.mlp",
    "CNN": "kb.models.cnn",
    "LitCNN": "kb.models.cnn",
    "RecurrentClassifier": "kb.models.rnn",
    "LitRecurrent": "kb.models.rnn",
    "input_gradient_norms": "kb.models.rnn",
    "positional_encoding": "kb.models.transformer",
    "MultiHeadSelfAttention": "kb.models.transformer",
    "EncoderLayer": "kb.models.transformer",
    "TransformerEncoder": "kb.models.transformer",
    "LitTransformer": "kb.models.transformer",
    "plot_attention": "kb.models.transformer",
    "Generator": "kb.models.gan",
    "Discriminator": "kb.models.gan",
    "LitGAN": "kb.models.gan",
    "SampleSnapshots": "kb.models.gan",
    "plot_gan_samples": "kb.models.gan",
    "VAE": "kb.models.vae",
    "LitVAE": "kb.models.vae",
    "vae_loss": "kb.models.vae",
    "plot_reconstructions": "kb.models.vae",
    "plot_vae_samples": "kb.models.vae",
    "MiniBERT": "kb.models.bert",
    "mask_tokens": "kb.models.bert",
    "LitMaskedLM": "kb.models.bert",
    "BertClassifier": "kb.models.bert",
    "LitBertClassifier": "kb.models.bert",
    "compare_pretraining": "kb.models.pretraining",
    "run_pretraining": "kb.models.pretraining",
    "PretrainingRun": "kb.models.pretraining",
    "recall_accuracy": "kb.models.recall",
    "recall_by_length": "kb.models.recall",
    "feature_maps": "kb.models.cnn",
    "gru_step": "kb.models.rnn",
    "decode_grid": "kb.models.vae",
    "ResidualBlock": "kb.models.residual",
    "DeepMLP": "kb.models.residual",
    "LitDeepMLP": "kb.models.residual",
    "lstm_step": "kb.models.rnn",
    "causal_mask": "kb.models.transformer",
    "patchify": "kb.models.vit",
    "PatchEmbedding": "kb.models.vit",
}

__all__ = list(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
