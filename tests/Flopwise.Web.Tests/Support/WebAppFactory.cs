using Microsoft.AspNetCore.Mvc.Testing;

namespace Flopwise.Web.Tests;

/// <summary>The web app in memory, shared by the API tests of one class.</summary>
public sealed class WebAppFactory : WebApplicationFactory<Program>
{
}
