package io.gil4j.webapp.owner;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /owners}: a page of owners as JSON; {@code GET /owners/{id}}: one owner's HTML page. */
@Controller
public class OwnerController {

    /** The largest page {@code GET /owners} serves. */
    static final int MAX_PAGE_SIZE = 100;

    private final OwnerService owners;

    public OwnerController(OwnerService owners) {
        this.owners = owners;
    }

    /** Owners by name, {@code size} (1–100, default 20) to a page; 400 outside those bounds. */
    @GetMapping(path = "/owners", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public OwnerPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be >= 0 and size 1-" + MAX_PAGE_SIZE);
        }
        return owners.page(page, size);
    }

    /** The owner's page, rendered by {@code templates/owner.mustache}; 404 for an unknown id. */
    @GetMapping(path = "/owners/{id}", produces = MediaType.TEXT_HTML_VALUE)
    public String show(@PathVariable long id, Model model) {
        OwnerView owner =
                owners.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no owner " + id));
        model.addAttribute("owner", owner);
        return "owner";
    }
}
