/**
 * Plain Kubernetes YAML applied as is: {@link io.flotilla.examples.yaml.YamlFolder} applies a folder of manifests
 * (the guestbook under {@code k8s/guestbook} on the classpath) in file-name order, like
 * {@code kubectl apply -f <folder>}.
 */
package io.flotilla.examples.yaml;
