namespace AsperaNative.Generators
{
    internal static class Placeholder { }
}
