using Flopwise.Reporting;

namespace Flopwise.Cli.Rendering;

/// <summary>The Origin column of an assumptions table: "given", "default", or "default [n]" with a numbered source.</summary>
internal static class AssumptionOrigin
{
    /// <summary>Gets the origin of <paramref name="assumption"/>, adding its source to <paramref name="sources"/> (numbered from 1) the first time it appears.</summary>
    public static string Of(Assumption assumption, List<string> sources)
    {
        if (!assumption.IsDefault)
        {
            return "given";
        }

        if (assumption.Source is null)
        {
            return "default";
        }

        int index = sources.IndexOf(assumption.Source);
        if (index < 0)
        {
            sources.Add(assumption.Source);
            index = sources.Count - 1;
        }

        return $"default [{index + 1}]";
    }
}
