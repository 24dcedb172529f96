// The harness lives in the testing kit (luagen/testing); this path stays for the tests that import it.
export * from '../../testing/cluster-replicas';
