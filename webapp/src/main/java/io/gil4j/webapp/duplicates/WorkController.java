package io.gil4j.webapp.duplicates;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /work?n=}: the closest pair of owner names among the first n (2–1000, default 150), as JSON. */
@RestController
public class WorkController {

    private final DuplicateFinder finder;

    public WorkController(DuplicateFinder finder) {
        this.finder = finder;
    }

    @GetMapping("/work")
    public DuplicateFinder.ClosestPair work(@RequestParam(defaultValue = "150") int n) {
        if (n < 2 || n > 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "n must be 2-1000");
        }
        return finder.closest(n);
    }
}
