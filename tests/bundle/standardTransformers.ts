/**
 * Grafana registers its standard transformations at boot (public/app/features/transformers); a page whose panels
 * use one (the SLO page's alerts table filters fields by name) throws "filterFieldsByName not found" in a test
 * without them, as soon as that panel's data arrives. Register @grafana/data's own implementations, without the
 * editors only Grafana's UI needs.
 */
import { standardTransformers, standardTransformersRegistry, type TransformerRegistryItem } from '@grafana/data';

// Each test file has its own module registry, so this runs once per file, before anything lists the registry.
{
  standardTransformersRegistry.setInit(() =>
    // Some transformations are exported under two names (seriesToColumns is joinByField): one entry per id.
    [...new Map(Object.values(standardTransformers).map((t) => [t.id, t])).values()].map(
      (t): TransformerRegistryItem => ({
        id: t.id,
        aliasIds: t.aliasIds,
        name: t.name,
        description: t.description,
        transformation: t,
        editor: () => null,
        imageDark: '',
        imageLight: '',
      })
    )
  );
}
