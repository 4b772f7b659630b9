namespace Flopwise; /// <summary>x</summary>
public static class Placeholder { }
