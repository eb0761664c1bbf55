/** Loads every feature module so that each registers its builder with the service (one import per feature). */
import './terms/termBase';
import './similar/overlap';
import './formulations/complete';
import './similar/index';
import './cite/library';
