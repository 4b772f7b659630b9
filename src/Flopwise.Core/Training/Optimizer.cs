namespace Flopwise.Training;

/// <summary>The optimizer whose state occupies memory during training.</summary>
public enum Optimizer
{
    /// <summary>AdamW: two fp32 moments per parameter.</summary>
    AdamW,

    /// <summary>SGD with momentum: one fp32 buffer per parameter.</summary>
    Sgd,
}
