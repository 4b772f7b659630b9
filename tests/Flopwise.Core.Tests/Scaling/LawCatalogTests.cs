using Flopwise.Inputs;
using Flopwise.Scaling;

namespace Flopwise.Core.Tests.Scaling;

/// <summary>The embedded presets, name resolution, and the law-file and inline readers.</summary>
public sealed class LawCatalogTests
{
    private const string ChinchillaFile = """{"name": "mine", "form": "chinchilla", "E": 1.69, "A": 406.4, "B": 410.7, "alpha": 0.34, "beta": 0.28, "source": "my fit"}""";

    [Fact]
    public void Default_HasEveryPresetInOrder_EachWithASource()
    {
        Assert.Equal(
            ["hoffmann", "hoffmann-unrounded", "epoch", "kaplan", "deepseek", "hoffmann-approach1", "hoffmann-approach2", "tokens-per-parameter-20", "muennighoff"],
            LawCatalog.Default.Ids);
        Assert.All(LawCatalog.Default.All, l => Assert.False(string.IsNullOrWhiteSpace(l.Source)));
        Assert.All(LawCatalog.Default.All, l => Assert.False(string.IsNullOrWhiteSpace(l.Notes)));
        Assert.Equal("epoch", LawCatalog.Default.DefaultLaw.Id);
    }

    [Fact]
    public void Default_PrintedHoffmann_HasThePrintedConstants()
    {
        ScalingLaw law = LawCatalog.Default.Find("hoffmann")!;

        Assert.Equal((1.69, 406.4, 410.7, 0.34, 0.28), (law.E!.Value, law.A!.Value, law.B!.Value, law.Alpha!.Value, law.Beta!.Value));
        Assert.Equal(LawForm.Chinchilla, law.Form);
        Assert.True(law.IsChinchillaForm);
    }

    [Fact]
    public void Default_Muennighoff_HasTheReadmeConstants()
    {
        ScalingLaw law = LawCatalog.Default.Find("muennighoff")!;

        Assert.Equal(Math.Exp(6.255414), law.A);
        Assert.Equal(Math.Exp(7.3049974), law.B);
        Assert.Equal(Math.Exp(0.6254804), law.E);
        Assert.Equal(15.387756, law.RepeatedTokensDecay);
        Assert.Equal(5.309743, law.RepeatedParametersDecay);
    }

    [Fact]
    public void Default_DerivedFits_AreMarkedDerived()
    {
        Assert.Equal(["hoffmann-approach1", "hoffmann-approach2"], LawCatalog.Default.All.Where(l => l.IsDerived).Select(l => l.Id));
    }

    [Fact]
    public void Default_RuleOfThumb_IsNEqualsSqrtCOver120()
    {
        Allocation a = OptimalAllocation.Compute(LawCatalog.Default.Find("tokens-per-parameter-20")!, 1.2e23);

        Assert.Equal(Math.Sqrt(1e21), a.Parameters, 6);
        Assert.Equal(20 * a.Parameters, a.Tokens);
        Assert.Null(a.Loss);
    }

    [Theory]
    [InlineData("epoch", "epoch", null)]
    [InlineData("EPOCH", "epoch", null)]
    [InlineData("chinchilla", "hoffmann", "'chinchilla' is hoffmann")]
    [InlineData("kap", "kaplan", "'kap' is kaplan")]
    [InlineData("hoffmann", "hoffmann", null)]
    public void Resolve_KnownName_ReturnsTheLaw(string typed, string id, string? note)
    {
        LawMatch match = LawCatalog.Default.Resolve(typed);

        Assert.Equal(id, match.Law?.Id);
        Assert.Equal(note, match.Note);
        Assert.Null(match.Error);
    }

    [Fact]
    public void Resolve_Misspelt_SuggestsTheClosest()
    {
        LawMatch match = LawCatalog.Default.Resolve("hofman");

        Assert.Null(match.Law);
        Assert.Equal("law: is unknown (got hofman; expected a law preset (see flopwise laws); did you mean hoffmann?)", match.Error!.ToString());
    }

    [Fact]
    public void Resolve_AmbiguousPrefix_ListsTheChoices()
    {
        LawMatch match = LawCatalog.Default.Resolve("hoffmann-approach", "law");

        Assert.Equal("law: is ambiguous (got hoffmann-approach; expected one of hoffmann-approach1, hoffmann-approach2)", match.Error!.ToString());
    }

    [Fact]
    public void ParseLawFile_ChinchillaAtTopLevel_ReadsEveryConstant()
    {
        ScalingLaw law = LawCatalog.ParseLawFile(ChinchillaFile, "law.json").GetValueOrThrow();

        Assert.Equal("mine", law.Id);
        Assert.Equal("my fit", law.Source);
        Assert.Equal((1.69, 406.4, 410.7, 0.34, 0.28), (law.E!.Value, law.A!.Value, law.B!.Value, law.Alpha!.Value, law.Beta!.Value));
        Assert.True(law.IsChinchillaForm);
    }

    [Fact]
    public void ParseLawFile_UnderLawProperty_ReadsIt()
    {
        string json = $$"""{"loss": 2.1, "law": {{ChinchillaFile}}, "assumptions": []}""";

        ScalingLaw law = LawCatalog.ParseLawFile(json, "fit.json").GetValueOrThrow();

        Assert.Equal(406.4, law.A);
    }

    [Fact]
    public void ParseLawFile_PowerForm_ReadsTheFrontier()
    {
        const string json = """{"name": "a1", "form": "power", "parametersCoefficient": 0.0992, "parametersExponent": 0.4981, "tokensCoefficient": 1.696, "tokensExponent": 0.5019, "computeUnit": "flop", "source": "Table 3 fit"}""";

        ScalingLaw law = LawCatalog.ParseLawFile(json, "a1.json").GetValueOrThrow();
        Allocation a = OptimalAllocation.Compute(law, 1e21);

        Assert.Equal(LawForm.Power, law.Form);
        Assert.Equal(0.0992 * Math.Pow(1e21, 0.4981), a.Parameters);
        Assert.False(law.HasLoss);
    }

    [Fact]
    public void ParseLawFile_WithoutNameAndSource_UsesTheFileName()
    {
        ScalingLaw law = LawCatalog.ParseLawFile("""{"form": "chinchilla", "E": 1, "A": 2, "B": 3, "alpha": 0.3, "beta": 0.3}""", "my-law.json").GetValueOrThrow();

        Assert.Equal("my-law", law.Id);
        Assert.Equal("my-law.json", law.Source);
    }

    [Theory]
    [InlineData("""{"name": "x", "form": "chinchilla", "E": 1.69, "A": 406.4, "B": 410.7, "alpha": 0.34}""", "law-file: law.json: key 'beta' is missing (got nothing; expected a finite number)")]
    [InlineData("""{"name": "x", "form": "chinchilla", "E": 1.69, "A": "big", "B": 410.7, "alpha": 0.34, "beta": 0.28}""", "law-file: law.json: key 'A' is not valid (got big; expected a finite number)")]
    [InlineData("""{"name": "x", "form": "chinchilla", "E": 1.69, "A": -1, "B": 410.7, "alpha": 0.34, "beta": 0.28}""", "law-file: law.json: key 'A' must be greater than 0 (got -1; expected a number > 0)")]
    [InlineData("""{"name": "x", "E": 1.69}""", "law-file: law.json: key 'form' is missing (got nothing; expected chinchilla or power)")]
    [InlineData("""{"name": "x", "form": "quadratic"}""", "law-file: law.json: key 'form' is unknown (got quadratic; expected one of chinchilla, power, kaplan, deepseek, muennighoff)")]
    [InlineData("""{"name": "x", "form": "power", "parametersCoefficient": 1, "parametersExponent": 0.5, "tokensCoefficient": 1, "tokensExponent": 0.5, "computeUnit": "joule"}""", "law-file: law.json: key 'computeUnit' is unknown (got joule; expected flop or pf-day)")]
    [InlineData("[1, 2]", "law-file: law.json: is not a law object (got array; expected a JSON object {\"name\", \"form\": \"chinchilla\", \"E\", \"A\", \"B\", \"alpha\", \"beta\", \"source\"} or {\"name\", \"form\": \"power\", \"parametersCoefficient\", \"parametersExponent\", \"tokensCoefficient\", \"tokensExponent\", \"computeUnit\": \"flop\", \"source\"}, at the top level or under \"law\")")]
    public void ParseLawFile_Invalid_NamesTheFileAndTheKey(string json, string message)
    {
        Outcome<ScalingLaw> outcome = LawCatalog.ParseLawFile(json, "law.json");

        Assert.False(outcome.IsValid);
        Assert.Equal(message, outcome.Errors[0].ToString());
    }

    [Fact]
    public void ParseLawFile_MalformedJson_NamesTheLine()
    {
        Outcome<ScalingLaw> outcome = LawCatalog.ParseLawFile("{\n  \"name\": \"x\",\n  \"E\": 1.69,,\n}", "law.json");

        Assert.StartsWith("law-file: law.json: is not valid JSON at line 3", outcome.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseInline_ChinchillaConstants_ReadsThem()
    {
        ScalingLaw law = LawCatalog.ParseInline("E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28").GetValueOrThrow();

        Assert.Equal(LawForm.Chinchilla, law.Form);
        Assert.Equal((1.69, 406.4, 410.7, 0.34, 0.28), (law.E!.Value, law.A!.Value, law.B!.Value, law.Alpha!.Value, law.Beta!.Value));
        Assert.Equal(LawCatalog.Default.Find("hoffmann")!.ChinchillaOptimal(1e24), law.ChinchillaOptimal(1e24));
    }

    [Fact]
    public void ParseInline_SpacesGreekAndSuffixes_AreAccepted()
    {
        ScalingLaw law = LawCatalog.ParseInline(" E = 1.69 , A=0.4064K, B=410.7, α=0.34, β=0.28 ").GetValueOrThrow();

        Assert.Equal(406.4, law.A!.Value, 12);
    }

    [Fact]
    public void ParseInline_PowerForm_ReadsTheFrontier()
    {
        ScalingLaw law = LawCatalog.ParseInline("parametersCoefficient=0.0992,parametersExponent=0.4981,tokensCoefficient=1.696,tokensExponent=0.5019").GetValueOrThrow();

        Assert.Equal(LawForm.Power, law.Form);
    }

    [Theory]
    [InlineData("E=1.69,A=406.4", "law: is missing B, alpha, beta")]
    [InlineData("E=1.69,A=406.4,B=410.7,alpha=0.34,beta", "law: has 'beta', which is not key=value")]
    [InlineData("E=1.69,A=abc,B=410.7,alpha=0.34,beta=0.28", "law: has A=abc, which is not a number")]
    [InlineData("E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28,gamma=1", "law: has an unknown key 'gamma'")]
    [InlineData("E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28,E=2", "law: gives E twice")]
    [InlineData("E=1.69,A=406.4,B=0,alpha=0.34,beta=0.28", "law: has B=0, which must be greater than 0")]
    [InlineData("E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28,tokensExponent=0.5", "law: mixes Chinchilla constants (E, A, B, alpha, beta) with power-form constants")]
    public void ParseInline_Malformed_SaysWhatIsWrong(string text, string start)
    {
        Outcome<ScalingLaw> outcome = LawCatalog.ParseInline(text);

        Assert.False(outcome.IsValid);
        Assert.StartsWith(start + " (got " + text + "; expected E=…", outcome.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CatalogWithDuplicateIds_IsAnError()
    {
        const string entry = """{"id": "x", "name": "X", "form": "chinchilla", "E": 1, "A": 1, "B": 1, "alpha": 0.3, "beta": 0.3, "source": "s"}""";

        Outcome<LawCatalog> outcome = LawCatalog.Parse($$"""{"laws": [{{entry}}, {{entry}}]}""", "laws.json");

        Assert.Equal("catalog: laws.json: law id 'x' appears more than once (got x; expected unique ids)", outcome.Errors[0].ToString());
    }

    [Theory]
    [InlineData("e=0.5267228,a=6.0073404,b=6.0179186,alpha=0.33917084,beta=0.2849083", "e")]
    [InlineData("E=1.69,a=406.4,B=410.7,alpha=0.34,beta=0.28", "a")]
    [InlineData("E=1.69,A=406.4,b=410.7,alpha=0.34,beta=0.28", "b")]
    public void ParseInline_LowerCaseABE_AreRejectedAsLogSpaceConstants(string text, string key)
    {
        // Given: Epoch's notebook's log-space a, b, e typed as keys (once read as A, B, E: loss 0.53)
        Outcome<ScalingLaw> outcome = LawCatalog.ParseInline(text);

        // Then: an error on law with the hint, not a silently different law
        Assert.False(outcome.IsValid);
        Assert.StartsWith(
            $"law: has the key '{key}', but E, A, B are case-sensitive and a, b, e are the log-space constants: give A, B, E, or logA, logB, logE (got {text}",
            outcome.Errors[0].ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void ParseInline_LogSpaceKeys_EqualTheUnroundedPreset()
    {
        ScalingLaw law = LawCatalog.ParseInline("logE=0.5267228,logA=6.0073404,logB=6.0179186,alpha=0.33917084,beta=0.2849083").GetValueOrThrow();
        ScalingLaw preset = LawCatalog.Default.Find("hoffmann-unrounded")!;

        Assert.Equal((preset.E, preset.A, preset.B), (law.E, law.A, law.B));
        Assert.Equal(Math.Exp(6.0073404), law.A);
    }

    [Theory]
    [InlineData("E=1,A=1e-300,B=1,alpha=0.3,beta=0.3", "law: has A=1e-300, B=1, alpha=0.3, beta=0.3, which make the frontier constant G = (α·A/(β·B))^(1/(α+β)) 0 (it underflows) (got")]
    [InlineData("E=1,A=1,B=1e-300,alpha=0.3,beta=0.3", "law: has A=1, B=1e-300, alpha=0.3, beta=0.3, which make the frontier constant G = (α·A/(β·B))^(1/(α+β)) infinite (it overflows) (got")]
    [InlineData("E=1,A=1e308,B=1,alpha=2,beta=0.3", "law: has A=1e+308, B=1, alpha=2, beta=0.3, which make the frontier constant G = (α·A/(β·B))^(1/(α+β)) infinite (it overflows) (got")]
    public void ParseInline_ConstantsWhoseFrontierIsZeroOrInfinite_AreAnErrorOnLaw(string text, string start)
    {
        Outcome<ScalingLaw> outcome = LawCatalog.ParseInline(text);

        Assert.False(outcome.IsValid);
        Assert.StartsWith(start, outcome.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.EndsWith("expected " + "constants whose compute-optimal frontier N_opt = G·(C/6)^a, D_opt = (C/6)^b/G has a finite G > 0 (α·A and β·B within about 300 orders of magnitude of each other))", outcome.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("logE=0.5,logA=-1000,logB=6,alpha=0.3,beta=0.3", "law: has logA=-1000, which makes A = exp(logA) 0 (it underflows)")]
    [InlineData("logE=1000,logA=6,logB=6,alpha=0.3,beta=0.3", "law: has logE=1000, which makes E = exp(logE) infinite (it overflows)")]
    [InlineData("E=1.69,A=406.4,logA=6,B=410.7,alpha=0.34,beta=0.28", "law: gives both A and logA")]
    public void ParseInline_BadLogSpaceConstant_NamesIt(string text, string start)
    {
        Outcome<ScalingLaw> outcome = LawCatalog.ParseInline(text);

        Assert.False(outcome.IsValid);
        Assert.StartsWith(start + " (got " + text, outcome.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"form": "chinchilla", "logE": 0.5, "logA": -1000, "logB": 6, "alpha": 0.3, "beta": 0.3}""", "law-file: law.json: key 'logA' makes A = exp(logA) 0 (it underflows) (got -1000; expected a natural logarithm between -708 and 709)")]
    [InlineData("""{"form": "chinchilla", "logE": 1000, "logA": 6, "logB": 6, "alpha": 0.3, "beta": 0.3}""", "law-file: law.json: key 'logE' makes E = exp(logE) infinite (it overflows) (got 1000; expected a natural logarithm below 709)")]
    [InlineData("""{"form": "chinchilla", "E": 1, "A": 2, "logA": 1, "B": 3, "alpha": 0.3, "beta": 0.3}""", "law-file: law.json: key 'logA' is given with 'A' (got A and logA; expected either 'A' or 'logA' (its natural logarithm))")]
    [InlineData("""{"form": "chinchilla", "E": 1, "A": 1e-300, "B": 1, "alpha": 0.3, "beta": 0.3}""", "law-file: law.json: keys 'A' and 'B' make the frontier constant G = (α·A/(β·B))^(1/(α+β)) 0 (it underflows) (got A=1e-300, B=1, alpha=0.3, beta=0.3; expected constants whose")]
    [InlineData("""{"form": "muennighoff", "E": 1, "logA": 1, "B": 1e300, "alpha": 0.3, "beta": 0.3, "repeatedTokensDecay": 15, "repeatedParametersDecay": 5}""", "law-file: law.json: keys 'logA' and 'B' make the frontier constant G = (α·A/(β·B))^(1/(α+β)) 0 (it underflows)")]
    public void ParseLawFile_ConstantsThatAreZeroOrInfinite_AreAnErrorNamingTheKey(string json, string start)
    {
        Outcome<ScalingLaw> outcome = LawCatalog.ParseLawFile(json, "law.json");

        Assert.False(outcome.IsValid);
        Assert.StartsWith(start, outcome.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseLawFile_RemembersItCameFromTheFile_AndErrorsBlameLawFile()
    {
        const string power = """{"form": "power", "parametersCoefficient": 0.1, "parametersExponent": 0.5, "tokensCoefficient": 1.6, "tokensExponent": 0.5}""";
        ScalingLaw law = LawCatalog.ParseLawFile(power, "power.json").GetValueOrThrow();

        Assert.Equal("law-file", law.InputField);
        Assert.Equal("law", LawCatalog.ParseInline("E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28").GetValueOrThrow().InputField);
        Assert.Equal("law-file", LossCalculator.Evaluate(new LossRequest { Law = law, Parameters = 1e9, Tokens = 1e10 }).Errors[0].Field);
        Assert.Equal("law-file", InferencePlanner.Evaluate(new PlanRequest { Law = law, TargetLoss = 2.5, InferenceTokens = 1e12 }).Errors[0].Field);
    }

    [Fact]
    public void Default_EveryPreset_HasAFiniteFrontier()
    {
        Assert.All(LawCatalog.Default.All, l => Assert.Null(LawCatalog.FrontierProblem(l)));
    }
}
