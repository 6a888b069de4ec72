/**
 * The OpenSearch analysis plugin: registers the analyzers of {@code org.sandiq.analysis} (compiled
 * from the app's sources by this module's build) with OpenSearch.
 */
package org.sandiq.plugin;
