namespace Parley.Storage.Tests;

/// <summary>
/// A fresh store of one kind for one contract test, removed on dispose. The contract classes (*Contract) hold
/// every test that any <see cref="IParleyStore"/> must pass; each store's test project derives them once.
/// </summary>
public interface IStoreHarness : IDisposable
{
    IParleyStore Store { get; }

    /// <summary>Closes the store and opens it again from what was persisted.</summary>
    IParleyStore Reopen();
}
