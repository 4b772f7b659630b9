namespace Flopwise.Scenarios;

/// <summary>Where a scenario's training compute comes from.</summary>
public enum ScenarioMode
{
    /// <summary>No training compute: only sections that stand alone (serving a named model, human equivalents).</summary>
    None,

    /// <summary>A budget (<c>usd</c>, <c>gpu-hours</c>, or <c>gpus</c> with <c>days</c>) bought on the GPU.</summary>
    Budget,

    /// <summary>The training compute <c>compute</c>, given.</summary>
    Compute,

    /// <summary>The run's own work: <c>params</c> with <c>tokens</c>, or <c>flop</c>.</summary>
    Run,
}
