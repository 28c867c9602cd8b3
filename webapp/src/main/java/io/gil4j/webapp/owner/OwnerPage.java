package io.gil4j.webapp.owner;

import java.util.List;

/**
 * One page of owners, as {@code GET /owners} answers it.
 *
 * @param page the page's index, from 0
 * @param size owners per page
 * @param total owners in all
 */
public record OwnerPage(int page, int size, long total, List<OwnerView> owners) {}
