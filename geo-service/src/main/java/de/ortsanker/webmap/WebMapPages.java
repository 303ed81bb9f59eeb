package de.ortsanker.webmap;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web map's pages under addresses people share: the citizen map at {@code /map/}, the planner view at
 * {@code /map/planning}, the snippet generator and GIS links at {@code /map/embed}, and the bare map for
 * portals' iframes at {@code /embed}. Each page's state lives in its query string, which a forward keeps.
 * The pages reference their scripts relative to their own address, so they also work behind a proxy prefix.
 */
@Controller
@Hidden  // pages for people, not API operations
class WebMapPages {

    @GetMapping("/map")
    String mapWithoutSlash(HttpServletRequest request) {
        String query = request.getQueryString();
        return "redirect:/map/" + (query == null ? "" : "?" + query);
    }

    @GetMapping("/map/")
    String citizenMap() {
        return "forward:/map/index.html";
    }

    @GetMapping("/map/planning")
    String plannerView() {
        return "forward:/map/planning.html";
    }

    @GetMapping("/map/embed")
    String embedGenerator() {
        return "forward:/map/embed-code.html";
    }

    @GetMapping("/embed")
    String embeddedMap() {
        return "forward:/map/embed.html";
    }
}
