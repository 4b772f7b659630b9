using Flopwise.Inputs;

namespace Flopwise.Architectures;

/// <content>Validation against the stated limits.</content>
public sealed partial record ModelShape
{
    /// <summary>The most layers a shape may have: 10,000.</summary>
    public const int MaxLayers = 10_000;

    /// <summary>The widest d_model a shape may have: 1,000,000.</summary>
    public const int MaxDModel = 1_000_000;

    /// <summary>The most query (or KV) heads a shape may have: 100,000.</summary>
    public const int MaxHeads = 100_000;

    /// <summary>The widest head a shape may have: 1,000,000 (as wide as <see cref="MaxDModel"/>).</summary>
    public const int MaxDHead = 1_000_000;

    /// <summary>The widest d_ff a shape may have: 10,000,000.</summary>
    public const int MaxDFf = 10_000_000;

    /// <summary>The largest vocabulary a shape may have: 10,000,000.</summary>
    public const int MaxVocab = 10_000_000;

    /// <summary>The longest context (and learned position table) a shape may have: 100,000,000 tokens.</summary>
    public const int MaxContext = 100_000_000;

    /// <summary>The most experts a shape may have: 100,000.</summary>
    public const int MaxExperts = 100_000;

    /// <summary>The most parameters a shape may have: 1e18 (so that every count fits a <see cref="long"/>).</summary>
    public const long MaxParameters = 1_000_000_000_000_000_000;

    /// <summary>
    /// Checks every count: each is at least 1 and at most its stated maximum; k divides a; d is given when a does
    /// not divide h; e ≤ E; and the total stays within <see cref="MaxParameters"/>. The shape checks its layers,
    /// width and context; each component its own counts (attention, MLP, embedding, in that order).
    /// </summary>
    /// <returns>
    /// The errors, empty when the shape is valid. Field names are the CLI option names: <c>layers</c>,
    /// <c>d-model</c>, <c>heads</c>, <c>kv-heads</c>, <c>d-head</c>, <c>d-ff</c>, <c>experts</c>,
    /// <c>active-experts</c>, <c>vocab</c>, <c>max-positions</c>, <c>context</c>, <c>pretraining-context</c>.
    /// </returns>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        ModelComponent.CheckCount(errors, "layers", Layers, MaxLayers);
        ModelComponent.CheckCount(errors, "d-model", DModel, MaxDModel);
        foreach (ModelComponent component in (ReadOnlySpan<ModelComponent>)[Attention, MlpBlock, Norms, Embedding, Head])
        {
            component.Validate(errors);
        }

        ModelComponent.CheckCount(errors, "context", ContextLength, MaxContext);
        if (PretrainingContext is int pretraining)
        {
            ModelComponent.CheckCount(errors, "pretraining-context", pretraining, MaxContext);
        }

        if (errors.Count == 0 && !TotalFitsLimit())
        {
            errors.Add(new FieldError("d-model", ArchitectureMessages.TooManyParameters, ModelComponent.Format(DModel), ArchitectureMessages.AtMostParameters));
        }

        return errors;
    }

    private bool TotalFitsLimit()
    {
        try
        {
            return TotalParameters <= MaxParameters;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
