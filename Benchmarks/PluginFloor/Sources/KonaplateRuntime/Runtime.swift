// The floor's runtime: empty, so a consumer builds nothing but the plugin, its tool and the generated files.
public enum KonaplateRuntimeMarker {}
