namespace Flopwise.Calculators;

/// <summary>What a declared field of a calculator takes, and so how each front end reads and shows it.</summary>
public enum FieldKind
{
    /// <summary>A number (<c>3e25</c>, <c>70B</c>), checked against its <see cref="Inputs.InputSpec"/>; a distribution where the field allows one.</summary>
    Number,

    /// <summary>A name resolved against a catalog (a model preset, a GPU id, a law, a grid region).</summary>
    Name,

    /// <summary>One of a fixed list of choices (<c>bf16</c>, <c>full</c>).</summary>
    Choice,

    /// <summary>A yes/no switch, off unless given.</summary>
    Flag,

    /// <summary>A range <c>FROM:TO</c> evaluated as one row per step.</summary>
    Sweep,

    /// <summary>Free text (an output name, a plan), possibly repeated.</summary>
    Text,

    /// <summary>The text of a file: the CLI reads the path given, the web takes an upload; Core sees only the text.</summary>
    File,
}
