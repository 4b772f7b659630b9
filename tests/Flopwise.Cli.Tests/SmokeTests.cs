namespace Flopwise.Cli.Tests; public class SmokeTests { [Fact] public void One_IsOne() => Assert.Equal(1, 1); }
