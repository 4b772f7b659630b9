using Flopwise.Reporting;

namespace Flopwise.Scaling;

/// <summary>Collects a law's constants as result fields (<c>law.E</c>, …), skipping the absent ones. Not thread-safe.</summary>
internal sealed class LawConstantWriter(string prefix)
{
    private readonly List<ResultField> _fields = [];

    /// <summary>Gets the fields written so far, in order.</summary>
    public List<ResultField> Fields => _fields;

    /// <summary>Adds <paramref name="key"/> when <paramref name="value"/> is present.</summary>
    public void Add(string key, string label, double? value, string unit = "")
    {
        if (value is double v)
        {
            _fields.Add(new ResultField(prefix + key, label, v, unit));
        }
    }
}
