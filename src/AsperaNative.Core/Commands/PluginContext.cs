using AsperaNative.Core.ExtendedValues;
using AsperaNative.Core.Options;

namespace AsperaNative.Core.Commands;

/// <summary>
/// What plugins, command groups and service providers are built from during one run: the option
/// store (read through generated option sets), the terminal, extended value evaluation, a status
/// sink, and the run's services. Services are not looked up by plugins: the generator resolves
/// each constructor parameter to a provider method at build time; providers keep one instance per
/// run here (<see cref="Once{T}"/>) and the composition root registers what only it can build
/// (<see cref="Register{T}"/>: the loaded config file, the plugin list).
/// </summary>
public sealed class PluginContext(OptionStore options, Terminal.Terminal terminal, Action<string> status) : IAsyncDisposable
{
    private readonly Dictionary<Type, object> _instances = [];
    private readonly List<object> _created = [];

    public OptionStore Options { get; } = options;
    public Terminal.Terminal Terminal { get; } = terminal;
    public ExtendedValueContext ExtendedValues => Options.ExtendedValues;

    /// <summary>Asks the user for a value on a terminal when interactive (prompt, choices); null when not interactive.</summary>
    public Func<string, IReadOnlyList<string>?, string?>? Prompt { get; set; }

    /// <summary>Shows an info message ("Saving config file.") through the formatter, honouring --display.</summary>
    public void Status(string message) => status(message);

    /// <summary>The run's single instance of <typeparamref name="T"/>, built by <paramref name="create"/> on first use and disposed with the run.</summary>
    public T Once<T>(Func<PluginContext, T> create) where T : class
    {
        if (_instances.TryGetValue(typeof(T), out var existing)) return (T)existing;
        var created = create(this);
        _instances[typeof(T)] = created;
        _created.Add(created);
        return created;
    }

    /// <summary>Registers an instance built by the composition root (not disposed by the run).</summary>
    public void Register<T>(T instance) where T : class => _instances[typeof(T)] = instance;

    /// <summary>An instance the composition root registered; for providers only.</summary>
    public T Registered<T>() where T : class
        => _instances.TryGetValue(typeof(T), out var s) ? (T)s : throw new InvalidOperationException($"internal: {typeof(T).Name} not registered by the composition root");

    public bool IsRegistered<T>() where T : class => _instances.ContainsKey(typeof(T));

    /// <summary>Disposes what <see cref="Once{T}"/> built, last built first (the REST stack before the log it writes to).</summary>
    public async ValueTask DisposeAsync()
    {
        for (int i = _created.Count - 1; i >= 0; i--)
        {
            switch (_created[i])
            {
                case IAsyncDisposable a: await a.DisposeAsync(); break;
                case IDisposable d: d.Dispose(); break;
            }
        }
        _created.Clear();
    }
}
