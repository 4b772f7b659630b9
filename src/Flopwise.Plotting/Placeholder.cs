namespace Flopwise.Plotting; /// <summary>x</summary>
public static class Placeholder { }
