namespace Flopwise.Scenarios;

/// <summary>
/// Measures how deeply a YAML text nests without parsing it: indentation levels, sequence dashes at the start of a
/// line and open flow brackets (<c>[</c>, <c>{</c>) outside quotes and comments, counted together.
/// </summary>
/// <remarks>
/// A conservative bound run before YamlDotNet, whose recursive parser would overflow the stack on a deep file. It
/// may count a level the parser would not (an over-indented line), never fewer. Linear in the text; no allocation.
/// </remarks>
internal static class ScenarioDepth
{
    /// <summary>The line and column (1-based) where the nesting first exceeds <paramref name="maxDepth"/>, or <see langword="null"/>.</summary>
    public static (int Line, int Column)? FirstTooDeep(string yaml, int maxDepth)
    {
        // Indentation columns of the open block levels; at most maxDepth + 1 are ever held.
        Span<int> indents = stackalloc int[maxDepth + 2];
        int open = 0;
        int flow = 0;
        int line = 1;
        int i = 0;
        while (i < yaml.Length)
        {
            int lineStart = i;
            if (flow == 0)
            {
                int indent = 0;
                while (i < yaml.Length && yaml[i] == ' ')
                {
                    indent++;
                    i++;
                }

                bool content = i < yaml.Length && yaml[i] is not ('\n' or '\r' or '#');
                if (content)
                {
                    while (open > 0 && indents[open - 1] > indent)
                    {
                        open--;
                    }

                    if (open == 0 || indents[open - 1] < indent)
                    {
                        indents[open++] = indent;
                    }

                    int dashes = 0;
                    while (i < yaml.Length && yaml[i] == '-' && i + 1 < yaml.Length && yaml[i + 1] is ' ' or '\t')
                    {
                        dashes++;
                        i += 2;
                        while (i < yaml.Length && yaml[i] is ' ' or '\t')
                        {
                            i++;
                        }
                    }

                    if (open + dashes > maxDepth)
                    {
                        return (line, i - lineStart + 1);
                    }
                }
            }

            // The rest of the line: flow brackets outside quotes; a comment runs to the line's end.
            char previous = ' ';
            while (i < yaml.Length && yaml[i] != '\n')
            {
                char c = yaml[i];
                if (c is '\'' or '"' && (previous is ' ' or '\t' or '[' or '{' or ',' or ':' || i == lineStart))
                {
                    i = SkipQuoted(yaml, i, ref line);
                    previous = c;
                    continue;
                }

                if (c == '#' && previous is ' ' or '\t')
                {
                    while (i < yaml.Length && yaml[i] != '\n')
                    {
                        i++;
                    }

                    break;
                }

                if (c is '[' or '{')
                {
                    flow++;
                    if (open + flow > maxDepth)
                    {
                        return (line, i - lineStart + 1);
                    }
                }
                else if (c is ']' or '}' && flow > 0)
                {
                    flow--;
                }

                previous = c;
                i++;
            }

            i++;
            line++;
        }

        return null;
    }

    /// <summary>Skips a quoted scalar starting at <paramref name="at"/>; returns the index after its closing quote (or the end).</summary>
    private static int SkipQuoted(string yaml, int at, ref int line)
    {
        char quote = yaml[at];
        int i = at + 1;
        while (i < yaml.Length)
        {
            char c = yaml[i];
            if (c == '\n')
            {
                line++;
            }
            else if (quote == '"' && c == '\\')
            {
                i++;
            }
            else if (c == quote)
            {
                if (quote == '\'' && i + 1 < yaml.Length && yaml[i + 1] == '\'')
                {
                    i++;
                }
                else
                {
                    return i + 1;
                }
            }

            i++;
        }

        return i;
    }
}
