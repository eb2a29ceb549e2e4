package vn.egov.procedures.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.egov.platform.web.pages.Messages;

/**
 * A procedure's process as an SVG diagram: the steps as boxes one under the other in their declared order (a step
 * that pauses the clock dashed, an end step with a double border), each with its role and working days; a
 * transition to the next box is a straight arrow, any other one an arc on the right, labelled with its name. The
 * same information is given as text next to it (the list of steps and transitions) for screen readers. This class
 * places the shapes; the template {@code process.jte} draws them (every text escaped there).
 */
public final class ProcessDiagram {
    static final int BOX_W = 320;
    static final int BOX_H = 54;
    static final int GAP = 34;
    static final int LEFT = 10;

    /** What {@code process.jte} draws: the canvas, the boxes, the arrows between neighbours, the arcs. */
    public record Diagram(int width, int height, List<Box> boxes, List<Arrow> arrows, List<Arc> arcs) {
    }

    /** A step's box at {@code y}: its name and, below it, its role and time. */
    public record Box(int x, int y, int width, int height, String fill, double strokeWidth, boolean dashed, String name, String detail) {
        public int textX() {
            return x + 10;
        }

        public String dash() {
            return dashed ? "6 4" : null;
        }
    }

    /** A straight arrow down to the next box. */
    public record Arrow(int x, int y1, int y2) {
    }

    /** A transition to a step other than the next one: the curve's path and its label. */
    public record Arc(String path, int labelX, int labelY, String label) {
    }

    private ProcessDiagram() {
    }

    static Diagram of(JsonNode process, Messages t) {
        List<JsonNode> steps = new ArrayList<>();
        process.path("steps").forEach(steps::add);
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            at.put(steps.get(i).path("id").asText(), i);
        }
        List<JsonNode> far = new ArrayList<>();
        process.path("transitions").forEach(tr -> {
            Integer from = at.get(tr.path("from").asText());
            Integer to = at.get(tr.path("to").asText());
            if (from != null && to != null && to != from + 1) {
                far.add(tr);
            }
        });
        List<Box> boxes = new ArrayList<>();
        List<Arrow> arrows = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            int y = 5 + i * (BOX_H + GAP);
            boolean pauses = s.path("pausesClock").asBoolean(false);
            boolean end = s.path("end").asBoolean(false);
            boxes.add(new Box(LEFT, y, BOX_W, BOX_H, pauses ? "#fff8e1" : "#eef4fb", end ? 3 : 1.5, pauses, s.path("name").asText(),
                    role(s.path("role").asText(), t) + " · " + time(s, t)));
            if (i + 1 < steps.size() && linked(process, s.path("id").asText(), steps.get(i + 1).path("id").asText())) {
                arrows.add(new Arrow(LEFT + BOX_W / 2, y + BOX_H, y + BOX_H + GAP - 2));
            }
        }
        List<Arc> arcs = new ArrayList<>();
        for (int k = 0; k < far.size(); k++) {
            JsonNode tr = far.get(k);
            int from = at.get(tr.path("from").asText());
            int to = at.get(tr.path("to").asText());
            int y1 = 5 + from * (BOX_H + GAP) + BOX_H / 2 + (to < from ? -8 : 8);
            int y2 = 5 + to * (BOX_H + GAP) + BOX_H / 2 + (to < from ? 8 : -8);
            int x = LEFT + BOX_W;
            int out = x + 30 + k * 26;
            String path = "M" + x + "," + y1 + " C" + out + "," + y1 + " " + out + "," + y2 + " " + (x + 2) + "," + y2;
            String name = tr.path("name").asText("");
            arcs.add(new Arc(path, out + 4, (y1 + y2) / 2, name.isEmpty() ? null : name));
        }
        int width = LEFT + BOX_W + 60 + far.size() * 26 + 160;
        int height = steps.size() * (BOX_H + GAP) + 10;
        return new Diagram(width, height, boxes, arrows, arcs);
    }

    private static boolean linked(JsonNode process, String from, String to) {
        for (JsonNode tr : process.path("transitions")) {
            if (tr.path("from").asText().equals(from) && tr.path("to").asText().equals(to)) {
                return true;
            }
        }
        return false;
    }

    /** A step's time: its working days, or that it stops the clock. */
    static String time(JsonNode step, Messages t) {
        return step.path("pausesClock").asBoolean(false) ? t.text("process.paused") : days(step.path("days").asDouble(0), t);
    }

    /** Who carries a step out, in the page's language (an unknown role as it is written). */
    static String role(String role, Messages t) {
        return t.has("role." + role) ? t.text("role." + role) : role;
    }

    /** Working days: {@code 1 ngày làm việc}, {@code 1,5 ngày làm việc}; {@code 1 working day}, {@code 1.5 working days}. */
    static String days(double d, Messages t) {
        String n = d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d).replace('.', t.english() ? '.' : ',');
        return t.text(d == 1 ? "days.one" : "days.many", n);
    }
}
